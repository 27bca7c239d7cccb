import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { useNow } from '@vueuse/core'

/** Hours and minutes, 24-hour, as the sales office reads its wall clock. */
export function hourMinuteFormat(locale: string, timeZone: string | null | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: timeZone ?? undefined,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
}

/**
 * The time and date in the project's time zone, in the language on screen. Until the server has
 * told the time zone, the device's own is used (they are the same in nearly every office).
 */
export function useProjectClock(timeZone: MaybeRefOrGetter<string | null | undefined>) {
  const now = useNow({ interval: 1000 })
  const { locale } = useI18n()
  const zone = () => toValue(timeZone) ?? undefined

  const timeFormat = computed(() => hourMinuteFormat(locale.value, zone()))
  const secondsFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { timeZone: zone(), second: '2-digit' }),
  )
  const dateFormat = computed(
    () =>
      new Intl.DateTimeFormat(locale.value, {
        timeZone: zone(),
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: 'long',
      }),
  )

  return {
    time: computed(() => timeFormat.value.format(now.value)),
    // Some engines print a lone "5" for 2-digit seconds.
    seconds: computed(() => secondsFormat.value.format(now.value).padStart(2, '0')),
    date: computed(() => dateFormat.value.format(now.value)),
  }
}
