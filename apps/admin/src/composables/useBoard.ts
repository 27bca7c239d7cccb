import { onMounted, ref } from 'vue'
import { trpc, type RouterOutputs } from '../trpc'
import { useLiveStream } from './useLiveStream'

export type Board = RouterOutputs['rotation']['board']

/**
 * The project's rotation board, live: `rotation.onChange` sends the whole board after every change.
 * While that stream is down (proxy, network, server restart) the board is fetched every few seconds
 * instead, so the floor never shows a stale queue for long without saying so.
 */
export function useBoard(projectId: string, onError: (error: unknown) => void) {
  const board = ref<Board | null>(null)
  const loading = ref(false)

  const { live, unlessStreamed } = useLiveStream<Board>(
    (handlers) => trpc.rotation.onChange.subscribe({ projectId }, handlers),
    (next) => (board.value = next),
    refresh,
    onError,
  )

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      await unlessStreamed(
        () => trpc.rotation.board.query({ projectId }),
        (fetched) => (board.value = fetched),
      )
    } catch (error) {
      onError(error)
    } finally {
      loading.value = false
    }
  }

  // The query answers before the stream's first board on a slow link; whichever comes is shown.
  onMounted(() => void refresh())

  return { board, live, loading, refresh }
}
