import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useIntervalFn, useNow } from '@vueuse/core'
import { DEFAULT_SETTINGS } from '@anchang/shared'
import { useDeviceStore } from '../../common/stores/device'
import { isStale } from '../domain/board-view'
import { groupGrid, nextBuilding } from '../domain/unit-grid'
import { useLiveUnitsStore } from '../stores/live-units'

/** How long each building stays on the hall screen when the project has several. */
export const BUILDING_CYCLE_MS = 20_000

/**
 * The unit grid as the hall screen shows it: one building at a time, the next every 20 s when
 * there are several (or at once the one where a unit has just changed), drawn in the project's
 * colours (the defaults until `units.display` answers).
 */
export function useUnitGridView(pinnedBuilding: MaybeRefOrGetter<string | null>) {
  const live = useLiveUnitsStore()
  const device = useDeviceStore()
  const now = useNow({ interval: 1000 })

  const buildings = computed(() => (live.units ? groupGrid([...live.units.values()]) : []))
  const names = computed(() => buildings.value.map((b) => b.building))
  const shownName = ref<string | null>(null)
  const shown = computed(
    () => buildings.value.find((b) => b.building === shownName.value) ?? buildings.value[0] ?? null,
  )
  const position = computed(() => (shown.value ? names.value.indexOf(shown.value.building) + 1 : 0))

  const cycle = useIntervalFn(() => {
    if (names.value.length > 1) shownName.value = nextBuilding(names.value, shown.value?.building ?? null)
  }, BUILDING_CYCLE_MS)

  // A unit that changes in a building not on screen brings that building up, for a full turn, so
  // the hall sees the cell light up rather than a change it would have missed.
  watch(
    () => live.justChanged,
    (lit, before) => {
      const changed = new Set(
        [...lit].filter((id) => !before.has(id)).map((id) => live.units?.get(id)?.building),
      )
      if (!changed.size || (shown.value && changed.has(shown.value.building))) return
      const target = names.value.find((name) => changed.has(name))
      if (!target) return
      shownName.value = target
      cycle.pause()
      cycle.resume()
    },
  )

  const colours = computed(() => ({
    ...DEFAULT_SETTINGS.sales.unitColours,
    ...live.display?.unitColours,
  }))
  const presalePermit = computed(() => live.display?.presalePermit.trim() || null)
  const stale = computed(() =>
    isStale(
      { state: live.state, lastHeardAt: live.lastHeardAt, startedAt: live.startedAt },
      now.value.getTime(),
    ),
  )

  // The project is known from pairing, or from the first heartbeat after a reload.
  watch(
    () => [device.project?.id, toValue(pinnedBuilding)] as const,
    ([projectId, building]) => (projectId ? live.start(projectId, building) : live.stop()),
    { immediate: true },
  )

  return { buildings, shown, position, colours, presalePermit, stale }
}
