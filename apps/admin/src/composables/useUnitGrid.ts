import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { mergeUnits } from '../components/units/unit-grid-format'
import { trpc, type RouterOutputs } from '../trpc'

export type GridUnit = RouterOutputs['units']['grid'][number]

/** How often the grid is read while the live stream is down. */
const FALLBACK_POLL_MS = 10_000

/**
 * The project's units, live: `units.onChange` sends the whole grid first (again after every
 * reconnect, so nothing is missed), then each unit as its change commits. While the stream is down
 * the grid is read every few seconds instead, and `live` says so.
 */
export function useUnitGrid(projectId: string, onError: (error: unknown) => void) {
  const units = shallowRef<GridUnit[]>([])
  const loaded = ref(false)
  const live = ref(false)
  let subscription: { unsubscribe: () => void } | null = null
  let poll: number | undefined
  let stopped = false
  /** Counts answers from the stream: a read answered after a newer streamed change must not replace it. */
  let streamed = 0

  async function refresh(): Promise<void> {
    const before = streamed
    try {
      const read = await trpc.units.grid.query({ projectId })
      if (streamed === before) {
        units.value = read
        loaded.value = true
      }
    } catch (error) {
      onError(error)
    }
  }

  function setLive(value: boolean) {
    live.value = value
    if (value && poll !== undefined) {
      window.clearInterval(poll)
      poll = undefined
    } else if (!value && poll === undefined && !stopped) {
      poll = window.setInterval(() => void refresh(), FALLBACK_POLL_MS)
    }
  }

  function subscribe() {
    subscription = trpc.units.onChange.subscribe(
      { projectId },
      {
        onData: (message) => {
          streamed += 1
          units.value = message.kind === 'grid' ? message.units : mergeUnits(units.value, message.units)
          loaded.value = true
          setLive(true)
        },
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting') setLive(false)
        },
        onError: (error) => {
          setLive(false)
          onError(error)
        },
      },
    )
  }

  onMounted(subscribe)
  onBeforeUnmount(() => {
    stopped = true
    subscription?.unsubscribe()
    if (poll !== undefined) window.clearInterval(poll)
  })

  return { units, loaded, live, refresh }
}
