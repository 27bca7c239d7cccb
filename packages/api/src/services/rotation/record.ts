import type { Decision, RotationEventInput } from '@anchang/shared'
import type { Tx } from '@anchang/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { deliverNotices, persistDecisions, type Notice } from './effects'
import type { EventActor, ProjectDay } from './hub'

/** Who the rotation log names for an event the caller makes. */
export function eventActor(ctx: ServiceContext): EventActor {
  const { actor } = ctx
  if (actor.type === 'device') return { type: 'device', id: actor.device.id }
  return { type: 'user', id: actor.type === 'user' ? actor.user.id : null }
}

/**
 * One rotation event from a person or kiosk: the event, what it decided, the audit entry of
 * `action` and whatever `also` writes are stored in one transaction; the notices go out once it is
 * on disk. Answers what `also` returned.
 */
export async function recordRotationEvent<T = void>(
  ctx: ServiceContext,
  projectId: string,
  action: string,
  event: RotationEventInput,
  auditInput: unknown,
  also?: (tx: Tx, decisions: Decision[], day: ProjectDay) => T,
): Promise<T> {
  const hub = ctx.deps.rotation
  const { result } = await hub.commit(projectId, ctx.now, eventActor(ctx), event, (tx, decisions, day, e) => {
    const notices: Notice[] = persistDecisions(tx, hub, day, decisions, e)
    const extra = also?.(tx, decisions, day) as T
    audit(tx, ctx, action, { projectId, input: auditInput })
    return { notices, extra }
  })
  deliverNotices(hub, result.notices)
  return result.extra
}
