import { DevicePairInput, DeviceRevokeInput, PairingClaimInput, ProjectScoped } from '@anchang/shared'
import { deviceProcedure, managerProcedure, managingProcedure, publicProcedure, router } from '../trpc'
import { deviceMe } from '../services/devices/me'
import { claimPairingCode, createPairingCode, listDevices, pairDevice, revokeDevice, unpairSelf } from '../services/devices/pair'

export const devicesRouter = router({
  pair: managerProcedure.input(DevicePairInput).mutation(pairDevice),
  revoke: managingProcedure.input(DeviceRevokeInput).mutation(revokeDevice),
  list: managerProcedure.input(ProjectScoped).query(listDevices),
  createPairingCode: managerProcedure.input(DevicePairInput).mutation(createPairingCode),
  claim: publicProcedure.input(PairingClaimInput).mutation(claimPairingCode),
  me: deviceProcedure.query(deviceMe),
  unpair: deviceProcedure.mutation(unpairSelf),
})
