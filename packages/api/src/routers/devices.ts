import { DevicePairInput, DeviceRevokeInput, PairingClaimInput, ProjectScoped } from '@anchang/shared'
import { z } from 'zod'
import { deviceProcedure, managerProcedure, managingProcedure, publicProcedure, router } from '../trpc'
import { deviceMe } from '../services/devices/me'
import {
  claimPairingCode,
  createPairingCode,
  listDevices,
  pairDevice,
  pairingStatus,
  revokeDevice,
  unpairSelf,
} from '../services/devices/pair'

export const devicesRouter = router({
  pair: managerProcedure.input(DevicePairInput).mutation(pairDevice),
  revoke: managingProcedure.input(DeviceRevokeInput).mutation(revokeDevice),
  list: managerProcedure.input(ProjectScoped).query(listDevices),
  createPairingCode: managerProcedure.input(DevicePairInput).mutation(createPairingCode),
  pairingStatus: managerProcedure
    .input(ProjectScoped.extend({ pairingId: z.string().min(1).max(64) }))
    .query(pairingStatus),
  claim: publicProcedure.input(PairingClaimInput).mutation(claimPairingCode),
  me: deviceProcedure.query(deviceMe),
  unpair: deviceProcedure.mutation(unpairSelf),
})
