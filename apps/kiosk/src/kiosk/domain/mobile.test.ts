import { describe, expect, it } from 'vitest'
import { formatMobile, maskMobile, mobileProblem } from './mobile'

describe('formatMobile', () => {
  it('groups a full number 3-4-4', () => {
    expect(formatMobile('13800138000')).toBe('138 0013 8000')
  })

  it('groups as the visitor types', () => {
    expect(['', '1', '138', '1380', '1380013', '13800138'].map(formatMobile)).toEqual([
      '',
      '1',
      '138',
      '138 0',
      '138 0013',
      '138 0013 8',
    ])
  })
})

describe('mobileProblem', () => {
  it('accepts 11 digits starting 13 to 19', () => {
    for (const second of '3456789') expect(mobileProblem(`1${second}012345678`)).toBeNull()
  })

  it('says at once when the number cannot be a mobile number', () => {
    expect(mobileProblem('2')).toBe('notMobile')
    expect(mobileProblem('12')).toBe('notMobile')
    expect(mobileProblem('10800138000')).toBe('notMobile')
    expect(mobileProblem('1380013800a')).toBe('notMobile')
    expect(mobileProblem('138001380001')).toBe('notMobile')
  })

  it('waits for the rest while the beginning is right', () => {
    expect(mobileProblem('')).toBe('incomplete')
    expect(mobileProblem('1')).toBe('incomplete')
    expect(mobileProblem('1380013800')).toBe('incomplete')
  })
})

describe('maskMobile', () => {
  it('hides the middle four digits of a full number', () => {
    expect(maskMobile('13800138000')).toBe('138****8000')
  })
})
