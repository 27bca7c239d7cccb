import { fail } from '@anchang/shared'
import type { ServiceContext } from './context'

/**
 * The single project check: a person must belong to the project, a device must be paired to it.
 * Procedure builders call it with the input's `projectId`; verbs that take an entity id instead
 * call it after loading the entity.
 */
export function assertProjectAccess(ctx: ServiceContext, projectId: string): void {
  const { actor } = ctx
  const allowed =
    (actor.type === 'user' && actor.projectIds.includes(projectId)) ||
    (actor.type === 'device' && actor.device.projectId === projectId)
  if (!allowed) fail('FORBIDDEN', 'auth.forbiddenProject')
}
