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
