import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useProjectStore } from '../stores/project'

/** `2026-03-01 14:05` in the given zone: the form sales offices write times in, whatever the language. */
export function formatDateTime(
  iso: string | null | undefined,
  timeZone: string,
  withSeconds = false,
): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  const time = `${parts.hour}:${parts.minute}${withSeconds ? `:${parts.second}` : ''}`
  return `${parts.year}-${parts.month}-${parts.day} ${time}`
}

/** A long date for people: `2026年3月1日 星期日` / `Sunday, March 1, 2026`. */
export function formatLongDate(date: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full' }).format(date)
}

/** The hour of day in the project's zone, for the greeting. */
export function hourIn(date: Date, timeZone: string): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(date),
  )
}

/** Formats server times in the current project's time zone. */
export function useDateFormat() {
  const project = useProjectStore()
  const { locale } = useI18n()
  return {
    dateTime: (iso: string | null | undefined, withSeconds = false) =>
      formatDateTime(iso, project.timeZone, withSeconds),
    longDate: (date: Date) => formatLongDate(date, project.timeZone, locale.value),
    timeZone: computed(() => project.timeZone),
  }
}
