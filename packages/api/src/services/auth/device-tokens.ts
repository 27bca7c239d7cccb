import { eq } from 'drizzle-orm'
import { devices, sha256, type Db } from '@anchang/db'
import { prepared } from '../../prepared'
import type { DeviceIdentity } from '../context'

/** Last-seen times are written at most this often, so reading does not cost a disk sync per request. */
const TOUCH_EVERY_MS = 60_000
/** A cached token is checked against the database again after this long, whatever happened meanwhile. */
const RECHECK_MS = 5_000
const MAX_ENTRIES = 2_000

interface Entry {
  device: DeviceIdentity
  checkedAt: number
  lastSeenAt: number
}

/**
 * The device behind a bearer token, remembered between requests: every kiosk and board call
 * presents one, and hashing it and reading the devices table each time cost a tenth of a check-in.
 * Revoking through the API forgets the device at once (`forget`); anything else that ends a token
 * is seen within five seconds.
 */
export class DeviceTokens {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly db: Db) {}

  find(token: string, now: Date, touch = true): DeviceIdentity | null {
    const at = now.getTime()
    let entry = this.entries.get(token)
    if (!entry || at - entry.checkedAt > RECHECK_MS) {
      const row = prepared(this.db).deviceByToken.get({ tokenHash: sha256(token) })
      if (!row) {
        this.entries.delete(token)
        return null
      }
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
      entry = {
        device: { id: row.id, kind: row.kind, projectId: row.projectId, name: row.name },
        checkedAt: at,
        lastSeenAt: row.lastSeenAt ? Date.parse(row.lastSeenAt) : 0,
      }
      this.entries.set(token, entry)
    }
    if (touch && at - entry.lastSeenAt > TOUCH_EVERY_MS) {
      this.db
        .update(devices)
        .set({ lastSeenAt: now.toISOString() })
        .where(eq(devices.id, entry.device.id))
        .run()
      entry.lastSeenAt = at
    }
    return entry.device
  }

  /** The device's token no longer counts (revoked, unpaired). */
  forget(deviceId: string): void {
    for (const [token, entry] of this.entries) if (entry.device.id === deviceId) this.entries.delete(token)
  }
}
