import { describe, expect, it } from 'vitest'
import { localDate } from './time'

describe('localDate', () => {
  it.each([
    ['Asia/Shanghai', '2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['Asia/Shanghai', '2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['Asia/Kathmandu', '2026-03-01T18:14:59.999Z', '2026-03-01'],
    ['Asia/Kathmandu', '2026-03-01T18:15:00.000Z', '2026-03-02'],
    ['America/New_York', '2026-03-09T03:59:59.000Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T04:00:00.000Z', '2026-03-09'],
  ])('in %s, %s is %s, whatever was asked just before', (zone, instant, date) => {
    // Asked a second earlier first: the day is remembered per minute, and must not stick across midnight.
    localDate(new Date(Date.parse(instant) - 1_000), zone)
    expect(localDate(new Date(instant), zone)).toBe(date)
  })
})
