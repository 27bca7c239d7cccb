import { computed, watch } from 'vue'
import { useNow } from '@vueuse/core'
import { useDeviceStore } from '../../common/stores/device'
import { isStale, projectDate, queueRows, tallyRows, waitingSummary } from '../domain/board-view'
import { useLiveBoardStore } from '../stores/live-board'

/**
 * The board as the wall shows it, recomputed every second so the timers ("已接待 12 分钟", the
 * longest wait) and the stale banner move on their own between server messages.
 */
export function useBoardView() {
  const live = useLiveBoardStore()
  const device = useDeviceStore()
  const now = useNow({ interval: 1000 })
  const nowMs = computed(() => now.value.getTime())

  const queue = computed(() => (live.board ? queueRows(live.board, nowMs.value) : []))
  const waiting = computed(() => (live.board ? waitingSummary(live.board, nowMs.value) : null))
  const tally = computed(() => (live.board ? tallyRows(live.board) : []))
  const stale = computed(() =>
    isStale({ state: live.state, lastHeardAt: live.lastHeardAt, startedAt: live.startedAt }, nowMs.value),
  )
  const timeZone = computed(() => live.board?.project.timeZone ?? device.project?.timeZone ?? null)
  const today = computed(() => (timeZone.value ? projectDate(nowMs.value, timeZone.value) : null))
  watch(today, (date) => date && live.checkDate(date))

  return { queue, waiting, tally, stale, timeZone }
}
