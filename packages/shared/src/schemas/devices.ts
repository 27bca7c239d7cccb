import { z } from 'zod'
import { DEVICE_KINDS } from '../enums'
import { Id, Name, ProjectId } from './common'

export const DevicePairInput = z.object({ projectId: ProjectId, kind: z.enum(DEVICE_KINDS), name: Name(40) })
export type DevicePairInput = z.infer<typeof DevicePairInput>
export const DeviceRevokeInput = z.object({ deviceId: Id })
export const PairingClaimInput = z.object({
  /** The screen's kind: a code for the other kind is refused before it is used up. */
  kind: z.enum(DEVICE_KINDS).optional(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: '@pairingCode' }),
})
/** Minutes a pairing code shown in the admin app stays valid. */
export const PAIRING_CODE_MINUTES = 10
