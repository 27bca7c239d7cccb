import { describe, expect, it } from 'vitest'
import { formatCountdown } from './useCountdown'
import { formatDateTime, hourIn } from './useDateFormat'

describe('times on the page', () => {
  it("are shown in the project's time zone, not the browser's", () => {
    expect(formatDateTime('2026-03-01T16:30:05.000Z', 'Asia/Shanghai')).toBe('2026-03-02 00:30')
    expect(formatDateTime('2026-03-01T16:30:05.000Z', 'Asia/Shanghai', true)).toBe('2026-03-02 00:30:05')
    expect(hourIn(new Date('2026-03-01T16:30:05.000Z'), 'Asia/Shanghai')).toBe(0)
  })

  it('count a pairing code down in minutes and seconds', () => {
    expect(formatCountdown(10 * 60_000)).toBe('10:00')
    expect(formatCountdown(545_000)).toBe('9:05')
    expect(formatCountdown(-3000)).toBe('0:00')
  })
})
