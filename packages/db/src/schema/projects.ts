import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  /** Only the settings a project changed (a ProjectSettingsPatch); defaults fill the rest. */
  settings: text('settings', { mode: 'json' }).notNull().$type<unknown>().default({}),
  /** A group robot (WeCom, DingTalk…) told of every assignment. */
  webhookUrl: text('webhook_url'),
  createdAt: text('created_at').notNull(),
})

export const channels = sqliteTable(
  'channels',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    /** A channel taken off the list stays for the history that names it. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('channels_project_name').on(t.projectId, t.name),
    index('channels_project').on(t.projectId),
  ],
)
