import { z } from 'zod'
import { normalizePhone } from '../phone'

export const Id = z.string().min(1).max(64)
export const ProjectId = Id

/** A mainland mobile number, normalised to 11 digits. */
export const Phone = z
  .string()
  .max(32, { error: '@phone' })
  .transform((raw, ctx) => {
    const phone = normalizePhone(raw)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: '@phone' })
      return z.NEVER
    }
    return phone
  })

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '@date' })

/** Free text a person typed: trimmed, bounded. */
export const Text = (max: number) => z.string().trim().max(max)
export const RequiredText = (max: number) => z.string().trim().min(1).max(max)

export const ProjectScoped = z.object({ projectId: ProjectId })
