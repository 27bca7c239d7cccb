import { and, eq, inArray } from 'drizzle-orm'
import {
  checkIns,
  notifications,
  projectMembers,
  receptions,
  users,
  webhookDeliveries,
  type Tx,
} from '@anchang/db'
import {
  customerName,
  maskPhone,
  type AssignmentReason,
  type Decision,
  type NoticePayload,
  type NoticeVisitor,
  type RotationEvent,
} from '@anchang/shared'
import type { ProjectDay, RotationHub } from './hub'

export interface Notice {
  userId: string
  payload: NoticePayload
}

const REASON_ZH: Record<AssignmentReason, string> = {
  rotation: '轮序',
  owner: '老客户找本人',
  on_behalf: '代接',
  waiting: '等候后接待',
  override: '经理调整',
  make_up: '补位',
}

/**
 * Writes what the rotation decided: receptions opened, moved, finished or voided, visitors taken
 * from the line, and the notices (in-app and webhook) each assignment owes. Runs inside the
 * event's transaction; the returned notices are pushed to people once it has committed.
 */
export function persistDecisions(
  tx: Tx,
  hub: RotationHub,
  day: ProjectDay,
  decisions: Decision[],
  event: RotationEvent,
): Notice[] {
  const { at } = event
  const reason = 'reason' in event ? (event.reason ?? null) : null
  const notices: Notice[] = []
  const projectId = day.config.id
  for (const d of decisions) {
    switch (d.type) {
      case 'assigned': {
        const open = day.state.receptions.get(d.receptionId)!
        tx.insert(receptions)
          .values({
            id: d.receptionId,
            projectId,
            date: day.date,
            checkInId: d.checkInId,
            kind: open.kind,
            consultantId: d.consultantId,
            customerId: open.customerId,
            reason: d.reason,
            onBehalfOf: d.onBehalfOf,
            usesTurn: d.usesTurn,
            queueBefore: d.queueBefore,
            assignedAt: at,
            status: 'open',
          })
          .onConflictDoUpdate({
            target: receptions.id,
            set: {
              consultantId: d.consultantId,
              reason: d.reason,
              onBehalfOf: d.onBehalfOf,
              usesTurn: d.usesTurn,
              queueBefore: d.queueBefore,
              assignedAt: at,
            },
          })
          .run()
        if (d.waitingId) {
          tx.update(checkIns)
            .set({ waitingStatus: 'served', waitingEndedAt: at })
            .where(eq(checkIns.id, d.checkInId))
            .run()
        }
        notices.push(...assignmentNotices(tx, hub, day, d, open.phone, at))
        break
      }
      case 'finished':
        tx.update(receptions)
          .set({ status: 'finished', finishedAt: at, result: d.result })
          .where(eq(receptions.id, d.receptionId))
          .run()
        break
      case 'reassigned': {
        const row = tx.select().from(receptions).where(eq(receptions.id, d.receptionId)).get()!
        if (d.newReceptionId === d.receptionId) {
          // A log from before reassignments kept the first reception: it is moved in place.
          tx.update(receptions)
            .set({ consultantId: d.to, reason: d.reason })
            .where(eq(receptions.id, row.id))
            .run()
        } else {
          tx.update(receptions)
            .set({ status: 'reassigned', finishedAt: at, movedTo: d.newReceptionId, statusReason: reason })
            .where(eq(receptions.id, row.id))
            .run()
          tx.insert(receptions)
            .values({
              id: d.newReceptionId,
              projectId,
              date: row.date,
              checkInId: row.checkInId,
              kind: row.kind,
              consultantId: d.to,
              customerId: row.customerId,
              reason: d.reason,
              onBehalfOf: row.onBehalfOf,
              usesTurn: false,
              queueBefore: d.queueBefore,
              assignedAt: at,
              status: 'open',
              movedFrom: row.id,
            })
            .run()
        }
        notices.push(
          ...assignmentNotices(
            tx,
            hub,
            day,
            {
              type: 'assigned',
              receptionId: d.newReceptionId,
              checkInId: row.checkInId,
              consultantId: d.to,
              reason: d.reason,
              onBehalfOf: null,
              usesTurn: false,
              queueBefore: d.queueBefore,
              waitingId: null,
            },
            day.state.receptions.get(d.newReceptionId)?.phone ?? '',
            at,
          ),
        )
        break
      }
      case 'signedOut':
        if (d.openReceptionId)
          notices.push(...orphanNotices(tx, hub, day, d.consultantId, d.openReceptionId, reason, at))
        break
      case 'missed': {
        const row = tx
          .select({ missedBy: receptions.missedBy })
          .from(receptions)
          .where(eq(receptions.id, d.receptionId))
          .get()
        tx.update(receptions)
          .set({ missedBy: [...(row?.missedBy ?? []), d.consultantId] })
          .where(eq(receptions.id, d.receptionId))
          .run()
        break
      }
      case 'voided':
        tx.update(receptions)
          .set({ status: 'voided', finishedAt: at, statusReason: reason })
          .where(eq(receptions.id, d.receptionId))
          .run()
        break
      case 'leftLine':
        tx.update(checkIns)
          .set({ waitingStatus: 'left', waitingEndedAt: at })
          .where(eq(checkIns.id, d.checkInId))
          .run()
        break
      case 'waiting':
      case 'existing':
        break
    }
  }
  return notices
}

/** The visitor as a notice names them: the name the kiosk took, or the masked number. */
function noticeVisitor(tx: Tx, checkInId: string, phone: string): NoticeVisitor {
  const checkIn = tx.select().from(checkIns).where(eq(checkIns.id, checkInId)).get()
  return {
    name: customerName(checkIn?.surname ?? null, checkIn?.title ?? null) || maskPhone(phone),
    phone: maskPhone(phone),
    partySize: checkIn?.partySize ?? 1,
    channel: checkIn?.channel ?? null,
    kind: checkIn?.kind ?? 'visit',
  }
}

function storeNotices(tx: Tx, projectId: string, notices: Notice[], at: string): void {
  for (const n of notices) {
    tx.insert(notifications)
      .values({ userId: n.userId, projectId, type: n.payload.type, payload: n.payload, createdAt: at })
      .run()
  }
}

/**
 * A consultant signed out mid-reception (by a manager, or by being deactivated): the project's
 * managers and directors are told that the visitor needs someone, so the reception is reassigned.
 */
function orphanNotices(
  tx: Tx,
  hub: RotationHub,
  day: ProjectDay,
  consultantId: string,
  receptionId: string,
  reason: string | null,
  at: string,
): Notice[] {
  const reception = day.state.receptions.get(receptionId)
  if (!reception) return []
  const managers = tx
    .select({ id: users.id })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(
      and(
        eq(projectMembers.projectId, day.config.id),
        inArray(users.role, ['manager', 'director']),
        eq(users.active, true),
      ),
    )
    .all()
  const payload: NoticePayload = {
    type: 'needs_reassign',
    projectId: day.config.id,
    receptionId,
    consultant: { id: consultantId, name: hub.consultantName(consultantId) },
    reason,
    visitor: noticeVisitor(tx, reception.checkInId, reception.phone),
    at,
  }
  const notices = managers.map((m) => ({ userId: m.id, payload }))
  storeNotices(tx, day.config.id, notices, at)
  return notices
}

/** The consultant's alert, the absent owner's notice, and the group-robot message for one assignment. */
function assignmentNotices(
  tx: Tx,
  hub: RotationHub,
  day: ProjectDay,
  d: Extract<Decision, { type: 'assigned' }>,
  phone: string,
  at: string,
): Notice[] {
  const visitor = noticeVisitor(tx, d.checkInId, phone)
  const base = { projectId: day.config.id, receptionId: d.receptionId, reason: d.reason, visitor, at }
  const notices: Notice[] = [{ userId: d.consultantId, payload: { type: 'assigned', ...base } }]
  if (d.onBehalfOf) {
    notices.push({
      userId: d.onBehalfOf,
      payload: {
        type: 'on_behalf',
        ...base,
        standIn: { id: d.consultantId, name: hub.consultantName(d.consultantId) },
      },
    })
  }
  storeNotices(tx, day.config.id, notices, at)
  if (day.config.webhookUrl) {
    const who = hub.consultantName(d.consultantId)
    const content = `【${day.config.name}】${visitor.kind === 'call' ? '来电' : '来访'}：${visitor.name}（${visitor.partySize}人${visitor.channel ? `，${visitor.channel}` : ''}）由 ${who} 接待（${REASON_ZH[d.reason]}）`
    tx.insert(webhookDeliveries)
      .values({
        projectId: day.config.id,
        url: day.config.webhookUrl,
        payload: { msgtype: 'text', text: { content } },
        createdAt: at,
        nextAttemptAt: at,
      })
      .run()
  }
  return notices
}

export function deliverNotices(hub: RotationHub, notices: Notice[]): void {
  for (const n of notices) hub.notifyUser(n.userId, n.payload)
}
