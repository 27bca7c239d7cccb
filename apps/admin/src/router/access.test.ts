import { describe, expect, it } from 'vitest'
import { canOpen, navFor, safeRedirect } from './access'

describe('navigation by role', () => {
  it('gives the director every page', () => {
    expect(navFor('director')).toEqual([
      'home',
      'floor',
      'receptionLog',
      'appeals',
      'customers',
      'staff',
      'devices',
      'settings',
      'projects',
      'audit',
    ])
  })

  it('gives the manager the floor, the records and appeals, staff, devices and settings, but not the audit log', () => {
    expect(navFor('manager')).toEqual([
      'home',
      'floor',
      'receptionLog',
      'appeals',
      'customers',
      'staff',
      'devices',
      'settings',
    ])
    expect(canOpen('manager', 'audit')).toBe(false)
    expect(canOpen('manager', 'reception')).toBe(false)
  })

  it('gives the assistant the customer lookup and the staff list', () => {
    expect(navFor('assistant')).toEqual(['home', 'customers', 'staff'])
    expect(canOpen('assistant', 'floor')).toBe(false)
  })

  it('gives the consultant their own receptions and the customer lookup, not the floor', () => {
    expect(navFor('consultant')).toEqual(['home', 'reception', 'customers'])
    expect(canOpen('consultant', 'floor')).toBe(false)
    expect(canOpen('consultant', 'receptionLog')).toBe(false)
    expect(canOpen('consultant', 'appeals')).toBe(false)
  })
})

describe('a channel partner', () => {
  it('opens nothing of the office: not the customer book, the floor or the staff', () => {
    expect(canOpen('channel', 'customers')).toBe(false)
    expect(canOpen('channel', 'floor')).toBe(false)
    expect(canOpen('channel', 'staff')).toBe(false)
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
