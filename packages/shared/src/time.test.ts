import { describe, expect, it } from 'vitest'
import { localDate, localDayRange, nextMonth } from './time'

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

describe('localDayRange', () => {
  it('runs from local midnight to the next, in UTC instants', () => {
    expect(localDayRange('2026-03-02', 'Asia/Shanghai')).toEqual({
      start: '2026-03-01T16:00:00.000Z',
      end: '2026-03-02T16:00:00.000Z',
    })
    expect(localDayRange('2026-12-31', 'UTC')).toEqual({
      start: '2026-12-31T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    })
  })

  it('is 23 hours on the day clocks go forward', () => {
    const { start, end } = localDayRange('2026-03-08', 'America/New_York')
    expect(start).toBe('2026-03-08T05:00:00.000Z')
    expect(end).toBe('2026-03-09T04:00:00.000Z')
  })

  it('holds every instant whose local date is that day', () => {
    const { start, end } = localDayRange('2026-03-02', 'Asia/Shanghai')
    expect(localDate(new Date(start), 'Asia/Shanghai')).toBe('2026-03-02')
    expect(localDate(new Date(Date.parse(start) - 1), 'Asia/Shanghai')).toBe('2026-03-01')
    expect(localDate(new Date(Date.parse(end) - 1), 'Asia/Shanghai')).toBe('2026-03-02')
  })
})

describe('nextMonth', () => {
  it('turns the year after December', () => {
    expect(nextMonth('2026-03')).toBe('2026-04')
    expect(nextMonth('2026-12')).toBe('2027-01')
  })
})
