import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { createApiClient } from '../../common/api/client'
import { currentLocale } from '../../common/locales'
import { useDeviceStore } from '../../common/stores/device'
import {
  HIGHLIGHT_MS,
  applyUnitChanges,
  replaceGrid,
  type GridDisplay,
  type GridEvent,
  type GridUnit,
} from '../domain/unit-grid'
import { liveStream } from './live-stream'

/**
 * The hall screen's live picture of the unit grid (销控表). `units.onChange` sends the whole grid
 * first, again after every reconnect, and then each unit as its change commits; changes apply by
 * unitId, the highest version winning. A cell that changed stays in `justChanged` for HIGHLIGHT_MS.
 * The stream is kept open and judged stale as the rotation board's is (`liveStream`).
 */
export const useLiveUnitsStore = defineStore('liveUnits', () => {
  const device = useDeviceStore()
  const units = shallowRef<ReadonlyMap<string, GridUnit> | null>(null)
  const display = shallowRef<GridDisplay | null>(null)
  const justChanged = shallowRef<ReadonlySet<string>>(new Set())
  let projectId: string | null = null
  let building: string | null = null
  const highlightTimers = new Map<string, ReturnType<typeof setTimeout>>()

  const stream = liveStream<GridEvent>({
    deliver(event) {
      const current = units.value ?? new Map<string, GridUnit>()
      const update =
        event.kind === 'grid' ? replaceGrid(current, event.units) : applyUnitChanges(current, event.units)
      // A reconnect: the project's colours or permit may have been changed meanwhile.
      if (event.kind === 'grid' && units.value) void loadDisplay()
      units.value = update.units
      highlight(update.changedIds)
    },
    onUnauthorized: () => device.checkNow(),
  })
  // Its own client rather than the device's: only this one reports stream activity.
  const api = createApiClient({
    token: () => device.token,
    locale: currentLocale,
    onStreamActivity: stream.heard,
  })

  function highlight(ids: readonly string[]): void {
    if (!ids.length) return
    const lit = new Set(justChanged.value)
    for (const id of ids) {
      lit.add(id)
      clearTimeout(highlightTimers.get(id))
      highlightTimers.set(
        id,
        setTimeout(() => {
          highlightTimers.delete(id)
          const still = new Set(justChanged.value)
          still.delete(id)
          justChanged.value = still
        }, HIGHLIGHT_MS),
      )
    }
    justChanged.value = lit
  }

  /** The colours and permit; until they arrive (or if they cannot), the defaults are drawn. */
  async function loadDisplay(): Promise<void> {
    const id = projectId
    if (!id) return
    try {
      const answer = await api.units.display.query({ projectId: id })
      if (projectId === id) display.value = answer
    } catch {
      // Asked again on the next reconnect; the grid itself is what matters.
    }
  }

  /** Starts listening for the project's grid (one building, or all); a no-op if already doing so. */
  function start(id: string, onlyBuilding: string | null = null): void {
    if (projectId === id && building === onlyBuilding) return
    stop()
    projectId = id
    building = onlyBuilding
    const input = onlyBuilding ? { projectId: id, building: onlyBuilding } : { projectId: id }
    stream.start((observer) => api.units.onChange.subscribe(input, observer))
    void loadDisplay()
  }

  function stop(): void {
    stream.stop()
    for (const timer of highlightTimers.values()) clearTimeout(timer)
    highlightTimers.clear()
    projectId = null
    building = null
    units.value = null
    display.value = null
    justChanged.value = new Set()
  }

  const { state, lastHeardAt, startedAt } = stream
  return { units, display, justChanged, state, lastHeardAt, startedAt, start, stop }
})
