import { on } from 'node:events'
import { EventEmitter } from 'node:events'
import type { ServiceContext } from '../context'
import type { BoardPayload } from './hub'

/** CONTRACT.md `rotation.board`: the queue, the waiting line and who is receiving, plus the day's tally. */
export function readBoard({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { projectId: string }
}): BoardPayload {
  return ctx.deps.rotation.board(input.projectId, ctx.now)
}

/**
 * CONTRACT.md `rotation.onChange`: the whole board now, then after every change. Ends when the
 * client goes away or the server shuts down.
 */
export async function* watchBoard({
  ctx,
  input,
  signal,
}: {
  ctx: ServiceContext
  input: { projectId: string }
  signal?: AbortSignal | undefined
}) {
  const hub = ctx.deps.rotation
  const relay = new EventEmitter()
  const stop = hub.onBoard(input.projectId, (board) => relay.emit('board', board))
  // Listening starts before the first board is sent: a change meanwhile is not lost.
  const boards = on(relay, 'board', { signal })
  try {
    yield hub.board(input.projectId, ctx.deps.clock())
    for await (const [board] of boards) yield board as BoardPayload
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error
  } finally {
    stop()
  }
}
