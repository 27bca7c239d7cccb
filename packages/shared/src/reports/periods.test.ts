import { describe, expect, it } from 'vitest'
import { periodRanges } from './periods'

describe('periodRanges', () => {
  it('starts the week on Monday and every other period at its first day, up to the report’s day', () => {
    // 2026-03-04 is a Wednesday.
    expect(periodRanges('2026-03-04', '2025-10-01')).toEqual({
      day: { from: '2026-03-04', to: '2026-03-04' },
      week: { from: '2026-03-02', to: '2026-03-04' },
      month: { from: '2026-03-01', to: '2026-03-04' },
      year: { from: '2026-01-01', to: '2026-03-04' },
      total: { from: '2025-10-01', to: '2026-03-04' },
    })
  })

  it('takes a Sunday as the last day of its week, and a week across the new year', () => {
    expect(periodRanges('2026-03-08', '2026-01-01').week).toEqual({ from: '2026-03-02', to: '2026-03-08' })
    expect(periodRanges('2027-01-01', '2026-01-01').week).toEqual({ from: '2026-12-28', to: '2027-01-01' })
  })
})
