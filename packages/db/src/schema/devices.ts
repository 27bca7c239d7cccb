import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { DeviceKind } from '@anchang/shared'
import { projects } from './projects'
import { users } from './users'

export const devices = sqliteTable(
  'devices',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<DeviceKind>().notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id),
    lastSeenAt: text('last_seen_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('devices_project').on(t.projectId)],
)

/** A 6-digit code a manager shows so the kiosk or board screen can pair without typing a token. */
export const pairingCodes = sqliteTable(
  'pairing_codes',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<DeviceKind>().notNull(),
    name: text('name').notNull(),
    codeHash: text('code_hash').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    claimedAt: text('claimed_at'),
    deviceId: text('device_id').references(() => devices.id),
  },
  (t) => [index('pairing_codes_hash').on(t.codeHash)],
)
