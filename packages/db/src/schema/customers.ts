import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ActivityType, FollowUpMethod, Grade, StoredChannelReportStatus } from '@anchang/shared'
import { projects } from './projects'
import { users } from './users'

/**
 * The customer book (DOMAIN.md "Customers and ownership"): one customer per project and normalised
 * mobile number, one owner at most, protected until `protectionEndsAt`. `followUpDueOn` is kept
 * with every change (the grade's cadence or the planned date) so the overdue lists read an index.
 */
export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    phone: text('phone').notNull(),
    surname: text('surname'),
    title: text('title'),
    /** The whole name when a consultant knows it (王建国); the kiosk only ever takes the surname. */
    fullName: text('full_name'),
    /** What name searches match: the name as shown, lowercased. */
    searchName: text('search_name'),
    ownerId: text('owner_id').references(() => users.id),
    grade: text('grade').$type<Grade>(),
    /** When the contact that set the grade happened: a late entry of an older one does not override it. */
    gradeAt: text('grade_at'),
    /** Ownership holds until then without new contact; null: in the public pool. */
    protectionEndsAt: text('protection_ends_at'),
    lastContactAt: text('last_contact_at'),
    /** The next follow-up the owner planned; null: the grade's cadence sets it. */
    nextFollowUpOn: text('next_follow_up_on'),
    /** The day the next follow-up is due (planned, or last contact + cadence), kept for the lists. */
    followUpDueOn: text('follow_up_due_on'),
    channel: text('channel'),
    tags: text('tags', { mode: 'json' }).$type<string[]>(),
    notes: text('notes'),
    /** Erased on the customer's request (PIPL): name, number and notes are gone, the counts stay. */
    erasedAt: text('erased_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Partial where they can be: a visitor checking in for the first time has no owner, due day or
  // contact yet, so the kiosk's hot path writes only the phone and name entries.
  (t) => [
    uniqueIndex('customers_project_phone').on(t.projectId, t.phone),
    index('customers_owner_contact')
      .on(t.projectId, t.ownerId, t.lastContactAt, t.id)
      .where(sql`${t.ownerId} is not null`),
    index('customers_owner_due')
      .on(t.projectId, t.ownerId, t.followUpDueOn, t.id)
      .where(sql`${t.ownerId} is not null and ${t.followUpDueOn} is not null`),
    // The team's overdue list, soonest due first; and the sweep's way to the protections that ended.
    index('customers_due')
      .on(t.projectId, t.followUpDueOn, t.id)
      .where(sql`${t.ownerId} is not null and ${t.followUpDueOn} is not null`),
    index('customers_protection_due')
      .on(t.protectionEndsAt)
      .where(sql`${t.ownerId} is not null and ${t.followUpDueOn} is not null`),
    index('customers_contact')
      .on(t.projectId, t.lastContactAt, t.id)
      .where(sql`${t.lastContactAt} is not null`),
    // The last four digits (尾号): what people who see numbers masked search by.
    index('customers_last4').on(t.projectId, sql`substr(${t.phone}, 8, 4)`),
    index('customers_name')
      .on(t.projectId, t.searchName)
      .where(sql`${t.searchName} is not null`),
  ],
)

/** A customer's other numbers: a number belongs to one customer per project, primary or not. */
export const customerPhones = sqliteTable(
  'customer_phones',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    phone: text('phone').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    addedAt: text('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.phone] }),
    index('customer_phones_customer').on(t.customerId),
  ],
)

/**
 * Everything logged about a customer: calls and visits (from receptions and registrations),
 * follow-ups, questionnaires, deals, payments, changes of owner. `happenedAt` is when it happened,
 * `enteredAt` when it was logged; an entry made after its day (project time zone) is `late`.
 */
export const activities = sqliteTable(
  'activities',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    type: text('type').$type<ActivityType>().notNull(),
    happenedAt: text('happened_at').notNull(),
    enteredAt: text('entered_at').notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    /** Who had the contact (or made the change). */
    consultantId: text('consultant_id').references(() => users.id),
    method: text('method').$type<FollowUpMethod>(),
    note: text('note'),
    grade: text('grade').$type<Grade>(),
    nextFollowUpOn: text('next_follow_up_on'),
    receptionId: text('reception_id'),
    /** Type-specific details: questionnaire answers, an ownership change's from/to/reason. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index('activities_customer').on(t.customerId, t.happenedAt),
    index('activities_consultant').on(t.projectId, t.consultantId, t.happenedAt),
    index('activities_late')
      .on(t.projectId, t.enteredAt)
      .where(sql`${t.late} = 1`),
    index('activities_type').on(t.projectId, t.type, t.happenedAt),
  ],
)

/** 撞单: a consultant registered or claimed a customer someone else protects; a manager decides. */
export const ownershipConflicts = sqliteTable(
  'ownership_conflicts',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    claimantId: text('claimant_id')
      .notNull()
      .references(() => users.id),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    /** What the claimant did: registered the number, or tried to claim it. */
    source: text('source').$type<'register' | 'claim'>().notNull(),
    at: text('at').notNull(),
    status: text('status').$type<'open' | 'resolved'>().notNull(),
    resolvedOwnerId: text('resolved_owner_id').references(() => users.id),
    resolvedBy: text('resolved_by').references(() => users.id),
    resolvedAt: text('resolved_at'),
    reason: text('reason'),
  },
  (t) => [index('ownership_conflicts_project').on(t.projectId, t.status, t.at)],
)

/**
 * 渠道报备: a partner agency's advance report of a customer. `phone` is the whole number when the
 * partner knew it; `first3`/`last4` always hold what matching by 前三后四 reads.
 */
export const channelReports = sqliteTable(
  'channel_reports',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => users.id),
    agency: text('agency'),
    channel: text('channel').notNull(),
    agentName: text('agent_name').notNull(),
    agentPhone: text('agent_phone'),
    phone: text('phone'),
    first3: text('first3').notNull(),
    last4: text('last4').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    status: text('status').$type<StoredChannelReportStatus>().notNull(),
    statusAt: text('status_at'),
    invalidReason: text('invalid_reason'),
    customerId: text('customer_id').references(() => customers.id),
  },
  (t) => [
    index('channel_reports_match').on(t.projectId, t.first3, t.last4),
    index('channel_reports_reporter').on(t.projectId, t.reporterId, t.createdAt),
  ],
)

/** 日结: a consultant closed their day; what was still missing then is kept with it. */
export const dayCloses = sqliteTable(
  'day_closes',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    consultantId: text('consultant_id')
      .notNull()
      .references(() => users.id),
    date: text('date').notNull(),
    closedAt: text('closed_at').notNull(),
    missing: text('missing', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.consultantId, t.date] })],
)

/** 临时问卷: a director's questionnaire for a period; consultants fill it in with customers. */
export const surveys = sqliteTable(
  'surveys',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    questions: text('questions', { mode: 'json' }).$type<unknown[]>().notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('surveys_project').on(t.projectId, t.startsOn)],
)

export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    consultantId: text('consultant_id')
      .notNull()
      .references(() => users.id),
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('survey_answers_customer').on(t.surveyId, t.customerId)],
)

/**
 * Rows of a spreadsheet import, checked and waiting for the person to confirm: written here in
 * steps (so the import shows progress), then moved into the book in one statement, all or none.
 */
export const importRows = sqliteTable(
  'import_rows',
  {
    importId: text('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    customerId: text('customer_id').notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    phone: text('phone').notNull(),
    fullName: text('full_name'),
    searchName: text('search_name'),
    channel: text('channel'),
    ownerId: text('owner_id').references(() => users.id),
    protectionEndsAt: text('protection_ends_at'),
    lastContactAt: text('last_contact_at'),
    grade: text('grade').$type<Grade>(),
    gradeAt: text('grade_at'),
    followUpDueOn: text('follow_up_due_on'),
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] })],
)
