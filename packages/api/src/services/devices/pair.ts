import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { devices, newId, newPairingCode, newToken, pairingCodes, sha256, type Tx } from '@anchang/db'
import {
  DEVICE_KIND_LABELS,
  DomainError,
  PAIRING_CODE_MINUTES,
  fail,
  type DeviceKind,
  type DevicePairInput,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { DeviceServiceContext, ServiceContext, UserServiceContext } from '../context'
import { minutesToWait } from '../../throttle'
import { loadProject } from '../projects/read'

function insertDevice(
  tx: Tx,
  device: { projectId: string; kind: DeviceKind; name: string; createdBy: string },
  at: string,
) {
  const token = newToken()
  const deviceId = newId()
  tx.insert(devices)
    .values({ id: deviceId, ...device, tokenHash: sha256(token), createdAt: at })
    .run()
  return { deviceId, token }
}

/** CONTRACT.md `devices.pair`: the token is shown once and only its hash is kept. */
export function pairDevice({ ctx, input }: { ctx: UserServiceContext; input: DevicePairInput }) {
  return ctx.db.transaction((tx) => {
    const paired = insertDevice(tx, { ...input, createdBy: ctx.actor.user.id }, ctx.now.toISOString())
    audit(tx, ctx, 'devices.pair', {
      projectId: input.projectId,
      input: { ...input, deviceId: paired.deviceId },
    })
    return paired
  })
}

export function revokeDevice({ ctx, input }: { ctx: UserServiceContext; input: { deviceId: string } }) {
  const device = ctx.db.select().from(devices).where(eq(devices.id, input.deviceId)).get()
  if (!device) fail('NOT_FOUND', 'device.notFound')
  assertProjectAccess(ctx, device.projectId)
  ctx.db.transaction((tx) => {
    if (!device.revokedAt)
      tx.update(devices).set({ revokedAt: ctx.now.toISOString() }).where(eq(devices.id, device.id)).run()
    audit(tx, ctx, 'devices.revoke', { projectId: device.projectId, input })
  })
  ctx.deps.devices.forget(device.id)
  return { ok: true as const }
}

export function listDevices({ ctx, input }: { ctx: ServiceContext; input: { projectId: string } }) {
  return ctx.db
    .select({
      id: devices.id,
      kind: devices.kind,
      name: devices.name,
      createdAt: devices.createdAt,
      lastSeenAt: devices.lastSeenAt,
      revokedAt: devices.revokedAt,
    })
    .from(devices)
    .where(eq(devices.projectId, input.projectId))
    .orderBy(desc(devices.createdAt))
    .all()
}

/** A 6-digit code for the kiosk or board screen, valid for 10 minutes and once. */
export function createPairingCode({ ctx, input }: { ctx: UserServiceContext; input: DevicePairInput }) {
  const expiresAt = new Date(ctx.now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString()
  const at = ctx.now.toISOString()
  return ctx.db.transaction((tx) => {
    // A code must be unique among the codes still open, or one screen could claim another's pairing.
    for (;;) {
      const code = newPairingCode()
      const clash = tx
        .select({ id: pairingCodes.id })
        .from(pairingCodes)
        .where(
          and(
            eq(pairingCodes.codeHash, sha256(code)),
            isNull(pairingCodes.claimedAt),
            gt(pairingCodes.expiresAt, at),
          ),
        )
        .get()
      if (clash) continue
      const pairingId = newId()
      tx.insert(pairingCodes)
        .values({
          id: pairingId,
          ...input,
          codeHash: sha256(code),
          createdBy: ctx.actor.user.id,
          createdAt: at,
          expiresAt,
        })
        .run()
      audit(tx, ctx, 'devices.createPairingCode', { projectId: input.projectId, input })
      return { code, expiresAt, pairingId }
    }
  })
}

/**
 * The screen trades the code for a device token. Attempts are throttled per client address, since a
 * million codes could otherwise be tried; a code for the other kind of screen is refused before it
 * is used up.
 */
export function claimPairingCode({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { code: string; kind?: DeviceKind | undefined }
}) {
  const throttle = ctx.deps.throttles.pairingClient
  const wait = throttle.attempt(ctx.ip, ctx.now.getTime())
  if (wait > 0) fail('TOO_MANY_REQUESTS', 'pairing.tooManyAttempts', { minutes: minutesToWait(wait) })
  const at = ctx.now.toISOString()
  const result = ctx.db.transaction((tx) => {
    const pending = tx
      .select()
      .from(pairingCodes)
      .where(
        and(
          eq(pairingCodes.codeHash, sha256(input.code)),
          isNull(pairingCodes.claimedAt),
          gt(pairingCodes.expiresAt, at),
        ),
      )
      .get()
    if (!pending) return null
    if (input.kind && input.kind !== pending.kind) {
      throw new DomainError('BAD_REQUEST', 'pairing.wrongKind', {
        codeKind: DEVICE_KIND_LABELS[pending.kind],
        screenKind: DEVICE_KIND_LABELS[input.kind],
      })
    }
    const paired = insertDevice(
      tx,
      { projectId: pending.projectId, kind: pending.kind, name: pending.name, createdBy: pending.createdBy },
      at,
    )
    tx.update(pairingCodes)
      .set({ claimedAt: at, deviceId: paired.deviceId })
      .where(eq(pairingCodes.id, pending.id))
      .run()
    audit(tx, ctx, 'devices.claim', { projectId: pending.projectId, input, secrets: ['code'] })
    return { ...paired, kind: pending.kind, projectId: pending.projectId, name: pending.name }
  })
  if (!result) fail('BAD_REQUEST', 'pairing.invalidCode')
  throttle.succeed(ctx.ip)
  const project = loadProject(ctx.db, result.projectId)
  return {
    ...result,
    project: { id: project.id, code: project.code, name: project.name, timeZone: project.timeZone },
  }
}

/** A kiosk or board unpairs itself (the long-press on its screen): its token stops working at once. */
export function unpairSelf({ ctx }: { ctx: DeviceServiceContext }) {
  ctx.db.transaction((tx) => {
    tx.update(devices)
      .set({ revokedAt: ctx.now.toISOString() })
      .where(eq(devices.id, ctx.actor.device.id))
      .run()
    audit(tx, ctx, 'devices.unpair')
  })
  ctx.deps.devices.forget(ctx.actor.device.id)
  return { ok: true as const }
}

/** Whether the screen has used the code yet: the admin's pairing dialog waits on this. */
export function pairingStatus({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { projectId: string; pairingId: string }
}) {
  const row = ctx.db
    .select({
      claimedAt: pairingCodes.claimedAt,
      deviceId: pairingCodes.deviceId,
      expiresAt: pairingCodes.expiresAt,
    })
    .from(pairingCodes)
    .where(and(eq(pairingCodes.id, input.pairingId), eq(pairingCodes.projectId, input.projectId)))
    .get()
  if (!row) fail('NOT_FOUND', 'device.notFound')
  return row
}
