import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { projects } from './projects'
import { users } from './users'

/**
 * A report as the office sends it (the assistant's duty in the manual): prepared with a comment,
 * signed off or returned by a manager or the director, then marked submitted with the time. Each
 * version keeps the report exactly as it was prepared, to download later as it was sent.
 */
export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<'daily'>().notNull(),
    /** The day the report is of. */
    date: text('date').notNull(),
    /** 1, 2, … per project, kind and day: a returned or corrected report is prepared again. */
    version: integer('version').notNull(),
    status: text('status').$type<'prepared' | 'returned' | 'signedOff' | 'submitted'>().notNull(),
    /** The report's figures as prepared (`reports.sheet`), never recomputed. */
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    comment: text('comment'),
    preparedBy: text('prepared_by')
      .notNull()
      .references(() => users.id),
    preparedAt: text('prepared_at').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionComment: text('decision_comment'),
    submittedBy: text('submitted_by').references(() => users.id),
    submittedAt: text('submitted_at'),
    /** When it was due (the project's deadline for the day), kept so a later change of rule does not rewrite history. */
    dueAt: text('due_at').notNull(),
  },
  (t) => [
    uniqueIndex('report_submissions_version').on(t.projectId, t.kind, t.date, t.version),
    index('report_submissions_project').on(t.projectId, t.kind, t.date),
  ],
)
