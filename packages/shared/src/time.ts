const dateFormats = new Map<string, Intl.DateTimeFormat>()
/** The last answer per zone: a day changes only at a minute boundary, and Intl formatting is slow. */
const lastDate = new Map<string, { minute: number; date: string }>()

/** `YYYY-MM-DD` of an instant in a time zone: the project-local day a record belongs to. */
export function localDate(at: Date, timeZone: string): string {
  // Every zone's offset is whole minutes, so all instants of one UTC minute share a local day.
  const minute = Math.floor(at.getTime() / 60_000)
  const last = lastDate.get(timeZone)
  if (last?.minute === minute) return last.date
  let format = dateFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dateFormats.set(timeZone, format)
  }
  const date = format.format(at)
  lastDate.set(timeZone, { minute, date })
  return date
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>()
/** Minutes the zone's wall clock is ahead of UTC at an instant (+480 in Shanghai). */
function zoneOffsetMinutes(at: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
    offsetFormats.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]))
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!)
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
}

/**
 * The instants a project-local day runs between: `[start, end)` as ISO strings, for the queries
 * that select one day's records by when they happened. Midnight is taken at the offset in force
 * then (a zone that moves its clocks at midnight gets its real first minute).
 */
export function localDayRange(date: string, timeZone: string): { start: string; end: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const startOf = (day: number) => {
    const midnight = Date.UTC(y, m - 1, day)
    const guess = midnight - zoneOffsetMinutes(new Date(midnight), timeZone) * 60_000
    return new Date(midnight - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000)
  }
  return { start: startOf(d).toISOString(), end: startOf(d + 1).toISOString() }
}

/** A calendar day `days` after `date` (`YYYY-MM-DD`, negative for before): no time zone involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The month after a `YYYY-MM` month: `2026-12` → `2027-01`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
