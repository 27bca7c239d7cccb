import { useI18n } from 'vue-i18n'

/**
 * "12 分钟", "1 小时 5 分钟": how long something has been going on, in whole minutes, the way the
 * floor says it. Under a minute has its own words rather than a bare "0".
 */
export function useDurationText() {
  const { t } = useI18n()
  return (minutes: number): string => {
    const whole = Math.max(0, Math.floor(minutes))
    if (whole < 60) return t('duration.minutes', whole)
    const hours = Math.floor(whole / 60)
    const rest = whole % 60
    return rest ? t('duration.hoursMinutes', { hours, minutes: rest }) : t('duration.hours', { hours })
  }
}
