import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type {
  AssignmentReason,
  Grade,
  NoticePayload,
  NoticeType,
  ReceptionKind,
  ReceptionResult,
  RotationEvent,
} from '@anchang/shared'
import { customers } from './customers'
import { projects } from './projects'
import { users } from './users'

/**
 * The day's rotation log: the queue is a fold of these rows (DOMAIN.md, "Every decision is
 * explained and kept"). Each row is written in the same transaction as the effects it caused.
 */
export const rotationEvents = sqliteTable(
  'rotation_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** The project-local day the event belongs to. */
    date: text('date').notNull(),
    at: text('at').notNull(),
    type: text('type').$type<RotationEvent['type']>().notNull(),
    event: text('event', { mode: 'json' }).$type<RotationEvent>().notNull(),
    actorType: text('actor_type').$type<'user' | 'device' | 'system'>().notNull(),
    actorId: text('actor_id'),
  },
  (t) => [index('rotation_events_day').on(t.projectId, t.date, t.id)],
)

export const checkIns = sqliteTable(
  'check_ins',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    date: text('date').notNull(),
    at: text('at').notNull(),
    kind: text('kind').$type<ReceptionKind>().notNull(),
    /** The kiosk that took the check-in, or the staff member who answered the call. */
    deviceId: text('device_id'),
    userId: text('user_id'),
    phone: text('phone').notNull(),
    customerId: text('customer_id').references(() => customers.id),
    surname: text('surname'),
    title: text('title'),
    partySize: integer('party_size').notNull(),
    channel: text('channel'),
    /** The privacy notice the visitor agreed to; null means consent was not captured. */
    consentVersion: text('consent_version'),
    outcome: text('outcome').$type<'assigned' | 'waiting'>().notNull(),
    receptionId: text('reception_id').notNull(),
    /** A visitor who found nobody free waited (the waiting line); their entry is this check-in. */
    waitingId: text('waiting_id'),
    waitPosition: integer('wait_position'),
    waitingStatus: text('waiting_status').$type<'waiting' | 'served' | 'left'>(),
    waitingEndedAt: text('waiting_ended_at'),
  },
  (t) => [
    index('check_ins_day').on(t.projectId, t.date),
    // A number's earlier visits: whether a visit is its first (首访) or a return (复访).
    index('check_ins_phone').on(t.projectId, t.phone, t.at),
  ],
)

export const receptions = sqliteTable(
  'receptions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    date: text('date').notNull(),
    checkInId: text('check_in_id')
      .notNull()
      .references(() => checkIns.id),
    kind: text('kind').$type<ReceptionKind>().notNull(),
    consultantId: text('consultant_id')
      .notNull()
      .references(() => users.id),
    customerId: text('customer_id').references(() => customers.id),
    reason: text('reason').$type<AssignmentReason>().notNull(),
    /** 代接: the owner this reception was made for. */
    onBehalfOf: text('on_behalf_of').references(() => users.id),
    usesTurn: integer('uses_turn', { mode: 'boolean' }).notNull(),
    /** The queue as it was at the assignment: consultant ids in order. */
    queueBefore: text('queue_before', { mode: 'json' }).$type<string[]>().notNull(),
    assignedAt: text('assigned_at').notNull(),
    /** `reassigned`: a manager moved the visitor to another consultant's reception (`movedTo`). */
    status: text('status').$type<'open' | 'finished' | 'voided' | 'reassigned'>().notNull(),
    finishedAt: text('finished_at'),
    result: text('result').$type<ReceptionResult>(),
    grade: text('grade').$type<Grade>(),
    note: text('note'),
    /** Who missed this visitor before the current consultant (漏接), ids in order. */
    missedBy: text('missed_by', { mode: 'json' }).$type<string[]>(),
    /** The reception this one was reassigned from, and the one it was reassigned to. */
    movedFrom: text('moved_from'),
    movedTo: text('moved_to'),
    /** Why a manager moved it, signed it out from under it, or voided it. */
    statusReason: text('status_reason'),
  },
  (t) => [
    index('receptions_day').on(t.projectId, t.date),
    index('receptions_consultant').on(t.consultantId, t.status),
    // A customer's receptions, latest first: whose duty reception a sale came from.
    index('receptions_customer').on(t.customerId, t.assignedAt),
  ],
)

export const appeals = sqliteTable(
  'appeals',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    receptionId: text('reception_id')
      .notNull()
      .references(() => receptions.id),
    consultantId: text('consultant_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
    status: text('status').$type<'open' | 'accepted' | 'rejected'>().notNull(),
    answer: text('answer'),
    answeredBy: text('answered_by').references(() => users.id),
    answeredAt: text('answered_at'),
    /** An accepted appeal may give the consultant the next turn. */
    grantedTurn: integer('granted_turn', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('appeals_project').on(t.projectId, t.status)],
)

/** In-app notices for a person (an assignment, a reception on their behalf, an appeal's answer). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    type: text('type').$type<NoticeType>().notNull(),
    payload: text('payload', { mode: 'json' }).$type<NoticePayload>().notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId, t.id)],
)

/** Outbox for the project's group-robot webhook: written with the assignment, delivered after. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    url: text('url').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    deliveredAt: text('delivered_at'),
    failedAt: text('failed_at'),
    lastError: text('last_error'),
  },
  (t) => [index('webhook_due').on(t.deliveredAt, t.failedAt, t.nextAttemptAt)],
)
