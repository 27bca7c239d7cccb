import { z } from 'zod'
import { Id, ProjectId } from './common'

export const AuditListInput = z.object({
  projectId: ProjectId,
  action: z.string().trim().max(64).optional(),
  actorId: Id.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** The `id` of the last entry already shown; entries come newest first. */
  cursor: z.number().int().min(0).optional(),
})
export type AuditListInput = z.infer<typeof AuditListInput>
