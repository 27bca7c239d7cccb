import { deliverNotices, persistDecisions } from './effects'
import type { RotationHub } from './hub'

/**
 * Someone may no longer be kept out of the rotation (their overdue follow-ups are logged, or the
 * project stopped keeping anyone out): a free consultant takes the waiting line now, as a visitor
 * checking in would have gone to them. Writes nothing when nobody waits or nobody is free.
 */
export async function offerWaitingLine(
  hub: RotationHub,
  projectId: string,
  now: Date,
  consultantId: string | null,
): Promise<void> {
  const { state } = hub.day(projectId, now)
  if (!state.waiting.size) return
  const free = [...state.consultants.values()].some(
    (c) => c.status === 'available' && (consultantId === null || c.id === consultantId),
  )
  if (!free) return
  const { result } = await hub.commit(
    projectId,
    now,
    { type: 'system', id: null },
    { type: 'cleared', consultantId },
    (tx, decisions, day, event) => persistDecisions(tx, hub, day, decisions, event),
  )
  deliverNotices(hub, result)
}
