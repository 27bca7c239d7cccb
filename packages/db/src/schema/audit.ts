import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorType: text('actor_type').$type<'user' | 'device' | 'anonymous'>().notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    projectId: text('project_id'),
    /** The procedure, e.g. `staff.create`. */
    action: text('action').notNull(),
    /** The input with secrets removed and phone numbers masked. */
    summary: text('summary', { mode: 'json' }).$type<unknown>(),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [index('audit_project').on(t.projectId, t.id), index('audit_actor').on(t.actorId, t.id)],
)
