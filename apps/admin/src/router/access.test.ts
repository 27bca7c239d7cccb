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
      'units',
      'deals',
      'paperwork',
      'targets',
      'reports',
      'approvals',
      'dayClose',
      'conflicts',
      'channelReports',
      'surveys',
      'customerImport',
      'unitImport',
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
      'units',
      'deals',
      'paperwork',
      'targets',
      'reports',
      'approvals',
      'dayClose',
      'conflicts',
      'channelReports',
      'surveys',
      'customerImport',
      'unitImport',
      'staff',
      'devices',
      'settings',
    ])
    expect(canOpen('manager', 'audit')).toBe(false)
    expect(canOpen('manager', 'reception')).toBe(false)
  })

  it('gives the assistant the customer book, the channel reports and the staff list, but not the 撞单', () => {
    expect(navFor('assistant')).toEqual([
      'home',
      'customers',
      'units',
      'deals',
      'paperwork',
      'targets',
      'reports',
      'dayClose',
      'channelReports',
      'surveys',
      'customerImport',
      'unitImport',
      'staff',
    ])
    // Special prices and changes of a deal are decided by the director, followed by the managers.
    expect(canOpen('assistant', 'approvals')).toBe(false)
    expect(canOpen('assistant', 'conflicts')).toBe(false)
    expect(canOpen('assistant', 'floor')).toBe(false)
  })

  it('gives the consultant their own receptions, the customer book and the channel reports, not the floor', () => {
    expect(navFor('consultant')).toEqual([
      'home',
      'reception',
      'customers',
      'units',
      'deals',
      'paperwork',
      'targets',
      'dayClose',
      'channelReports',
      'surveys',
    ])
    // An old book is imported by the office, not by a consultant.
    expect(canOpen('consultant', 'customerImport')).toBe(false)
    expect(canOpen('consultant', 'unitImport')).toBe(false)
    expect(canOpen('consultant', 'approvals')).toBe(false)
    expect(canOpen('consultant', 'conflicts')).toBe(false)
    expect(canOpen('consultant', 'floor')).toBe(false)
    expect(canOpen('consultant', 'receptionLog')).toBe(false)
    expect(canOpen('consultant', 'appeals')).toBe(false)
    // 日报 are the office's: the server refuses a consultant the sheet too.
    expect(canOpen('consultant', 'reports')).toBe(false)
  })
})

describe('a channel partner', () => {
  it('sees only the home page and its own channel reports in the menu', () => {
    expect(navFor('channel')).toEqual(['home', 'channelReports'])
  })

  it('opens nothing of the office: not the customer book, the floor or the staff', () => {
    expect(canOpen('channel', 'customers')).toBe(false)
    expect(canOpen('channel', 'conflicts')).toBe(false)
    expect(canOpen('channel', 'floor')).toBe(false)
    expect(canOpen('channel', 'staff')).toBe(false)
    expect(canOpen('channel', 'dayClose')).toBe(false)
    expect(canOpen('channel', 'surveys')).toBe(false)
    expect(canOpen('channel', 'customerImport')).toBe(false)
    expect(canOpen('channel', 'units')).toBe(false)
    expect(canOpen('channel', 'deals')).toBe(false)
    expect(canOpen('channel', 'paperwork')).toBe(false)
    expect(canOpen('channel', 'targets')).toBe(false)
    expect(canOpen('channel', 'reports')).toBe(false)
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
