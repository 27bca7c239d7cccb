import { ref, shallowRef } from 'vue'
import { mergeUnits } from '../components/units/unit-grid-format'
import { trpc, type RouterOutputs } from '../trpc'
import { useLiveStream } from './useLiveStream'

export type GridUnit = RouterOutputs['units']['grid'][number]
/** What `units.onChange` sends: the whole grid, or the units a change moved. */
type GridMessage = RouterOutputs['units']['onChange'] extends AsyncIterable<infer M> ? M : never

/**
 * The project's units, live: `units.onChange` sends the whole grid first (again after every
 * reconnect, so nothing is missed), then each unit as its change commits. While the stream is down
 * the grid is read every few seconds instead, and `live` says so.
 */
export function useUnitGrid(projectId: string, onError: (error: unknown) => void) {
  const units = shallowRef<GridUnit[]>([])
  const loaded = ref(false)

  const { live, unlessStreamed } = useLiveStream<GridMessage>(
    (handlers) => trpc.units.onChange.subscribe({ projectId }, handlers),
    (message) => {
      units.value = message.kind === 'grid' ? message.units : mergeUnits(units.value, message.units)
      loaded.value = true
    },
    refresh,
    onError,
  )

  async function refresh(): Promise<void> {
    try {
      await unlessStreamed(
        () => trpc.units.grid.query({ projectId }),
        (read) => {
          units.value = read
          loaded.value = true
        },
      )
    } catch (error) {
      onError(error)
    }
  }

  return { units, loaded, live, refresh }
}
