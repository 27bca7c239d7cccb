import { describe, expect, it } from 'vitest'
import { canOpen, navFor, safeRedirect } from './access'

describe('navigation by role', () => {
  it('gives the director every page', () => {
    expect(navFor('director')).toEqual(['home', 'staff', 'devices', 'settings', 'projects', 'audit'])
  })

  it('gives the manager staff, devices and project settings, but not the audit log', () => {
    expect(navFor('manager')).toEqual(['home', 'staff', 'devices', 'settings'])
    expect(canOpen('manager', 'audit')).toBe(false)
  })

  it('gives the assistant the staff list and the consultant only the home page', () => {
    expect(navFor('assistant')).toEqual(['home', 'staff'])
    expect(navFor('consultant')).toEqual(['home'])
  })
})

describe('after signing in', () => {
  it('returns to the page the person was going to', () => {
    expect(safeRedirect('/staff?role=consultant')).toBe('/staff?role=consultant')
  })

  it('never leaves the app or loops back to the sign-in page', () => {
    expect(safeRedirect('//evil.example/x')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect('/\\evil.example')).toBe('/')
    expect(safeRedirect('/login?redirect=/staff')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
