import { eq } from 'drizzle-orm'
import { customers, newId, users } from '@anchang/db'
import {
  estimateWaitMinutes,
  fail,
  waitPositionOf,
  protectedOwner,
  type AssignmentReason,
  type CheckInInput,
  type ReceptionKind,
  type StartCallInput,
} from '@anchang/shared'
import { prepared } from '../../prepared'
import { audit } from '../audit'
import type { DeviceServiceContext, ServiceContext, UserServiceContext } from '../context'
import { searchNameOf } from '../customers/book'
import { creditChannelReport } from '../customers/channel-reports'
import { deliverNotices, persistDecisions } from '../rotation/effects'
import { eventActor } from '../rotation/record'
import type { ProjectDay, RotationHub } from '../rotation/hub'

export interface CheckInOutcome {
  outcome: 'assigned' | 'waiting'
  receptionId?: string
  waitingId?: string
  consultant?: { id: string; name: string }
  reason: AssignmentReason | 'waiting'
  waitPosition?: number
  /** For a waiting visitor: about how many minutes, from today's reception times. */
  estimatedMinutes?: number
}

interface Visit {
  projectId: string
  kind: ReceptionKind
  phone: string
  surname?: string | undefined
  title?: '先生' | '女士' | undefined
  partySize?: number | undefined
  channel?: string | undefined
  consentVersion?: string | undefined
}

function waitingOutcome(
  hub: RotationHub,
  day: ProjectDay,
  waitingId: string,
  waitPosition: number,
): CheckInOutcome {
  const onDuty = [...day.state.consultants.values()].filter((c) => c.status !== 'break').length
  return {
    outcome: 'waiting',
    waitingId,
    reason: 'waiting',
    waitPosition,
    estimatedMinutes: estimateWaitMinutes(waitPosition, onDuty, hub.averageReceptionMinutes(day)),
  }
}

function assignedOutcome(
  day: ProjectDay,
  receptionId: string,
  consultantId: string,
  reason: AssignmentReason,
): CheckInOutcome {
  const name = day.state.consultants.get(consultantId)?.name ?? ''
  return { outcome: 'assigned', receptionId, consultant: { id: consultantId, name }, reason }
}

/**
 * One visitor or call in: the rotation decides (owner, on-behalf, next in rotation, or the waiting
 * line) and the check-in, the customer, the reception or the waiting entry, the event and the
 * notices are stored in one transaction. A number already inside answers its existing outcome.
 */
export async function receiveVisitor(
  ctx: ServiceContext,
  action: string,
  visit: Visit,
): Promise<CheckInOutcome> {
  const hub = ctx.deps.rotation
  const day = hub.day(visit.projectId, ctx.now)
  if (visit.channel && !day.config.channels.includes(visit.channel)) {
    fail('BAD_REQUEST', 'rotation.unknownChannel', { channel: visit.channel })
  }
  const inside = day.state.byPhone.get(visit.phone)
  if (inside) {
    // Already inside (a double tap, a kiosk retrying): the same outcome again, and nothing is written.
    if ('receptionId' in inside) {
      const r = day.state.receptions.get(inside.receptionId)!
      return assignedOutcome(day, r.id, r.consultantId, r.reason)
    }
    return waitingOutcome(hub, day, inside.waitingId, waitPositionOf(day.state, inside.waitingId) ?? 1)
  }

  const statements = prepared(ctx.db)
  const customer =
    statements.customerByPhone(visit.projectId, visit.phone) ??
    statements.customerByOtherPhone(visit.projectId, visit.phone)
  let ownerId = protectedOwner(customer, ctx.now)
  if (
    ownerId &&
    !ctx.db.select({ active: users.active }).from(users).where(eq(users.id, ownerId)).get()?.active
  )
    ownerId = null
  const customerId = customer?.id ?? newId()
  const ids = { checkInId: newId(), receptionId: newId(), waitingId: newId() }
  const at = ctx.now.toISOString()

  const { result } = await hub.commit(
    visit.projectId,
    ctx.now,
    eventActor(ctx),
    {
      type: 'checkIn',
      kind: visit.kind,
      ...ids,
      phone: visit.phone,
      customerId,
      ownerId,
      partySize: visit.partySize ?? 1,
    },
    (tx, decisions, day, event) => {
      const repeat = decisions.find((d) => d.type === 'existing')
      // The same number twice in one group commit: the second answers the first's outcome.
      if (repeat?.type === 'existing') {
        const outcome = repeat.receptionId
          ? assignedOutcome(day, repeat.receptionId, repeat.consultantId!, repeat.reason as AssignmentReason)
          : waitingOutcome(hub, day, repeat.waitingId!, repeat.waitPosition ?? 1)
        return { outcome, notices: [] }
      }
      if (customer) {
        if ((!customer.surname && visit.surname) || (!customer.title && visit.title)) {
          const named = {
            surname: customer.surname ?? visit.surname ?? null,
            title: customer.title ?? visit.title ?? null,
            fullName: customer.fullName,
          }
          tx.update(customers)
            .set({
              surname: named.surname,
              title: named.title,
              searchName: searchNameOf(named),
              updatedAt: at,
            })
            .where(eq(customers.id, customer.id))
            .run()
        }
      } else {
        statements.insertCustomer({
          id: customerId,
          projectId: visit.projectId,
          phone: visit.phone,
          surname: visit.surname ?? null,
          title: visit.title ?? null,
          searchName: searchNameOf({
            surname: visit.surname ?? null,
            title: visit.title ?? null,
            fullName: null,
          }),
          channel: visit.channel ?? null,
          createdAt: at,
          updatedAt: at,
        })
      }
      // A partner's report of this number, still valid, credits its channel (CONTRACT.md).
      creditChannelReport(tx, ctx, day.config, customerId, visit.phone)
      const mine = decisions.find(
        (d) => (d.type === 'assigned' || d.type === 'waiting') && d.checkInId === ids.checkInId,
      )
      if (!mine || (mine.type !== 'assigned' && mine.type !== 'waiting'))
        throw new Error('a check-in without an outcome')
      const waitPosition = mine.type === 'waiting' ? mine.waitPosition : null
      statements.insertCheckIn({
        id: ids.checkInId,
        projectId: visit.projectId,
        date: day.date,
        at,
        kind: visit.kind,
        deviceId: ctx.actor.type === 'device' ? ctx.actor.device.id : null,
        userId: ctx.actor.type === 'user' ? ctx.actor.user.id : null,
        phone: visit.phone,
        customerId,
        // A returning visitor welcomed back was not asked what the book knows: the visit keeps it.
        surname: visit.surname ?? customer?.surname ?? null,
        title: visit.title ?? customer?.title ?? null,
        partySize: visit.partySize ?? 1,
        channel: visit.channel ?? customer?.channel ?? null,
        consentVersion: visit.consentVersion ?? null,
        outcome: mine.type,
        receptionId: ids.receptionId,
        waitingId: mine.type === 'waiting' ? ids.waitingId : null,
        waitPosition,
        waitingStatus: mine.type === 'waiting' ? 'waiting' : null,
      })
      const notices = persistDecisions(tx, hub, day, decisions, event)
      audit(tx, ctx, action, { projectId: visit.projectId, input: visit })
      const outcome =
        mine.type === 'assigned'
          ? assignedOutcome(day, mine.receptionId, mine.consultantId, mine.reason)
          : waitingOutcome(hub, day, mine.waitingId, mine.waitPosition)
      return { outcome, notices }
    },
  )
  deliverNotices(hub, result.notices)
  return result.outcome
}

export function kioskCheckIn({ ctx, input }: { ctx: DeviceServiceContext; input: CheckInInput }) {
  return receiveVisitor(ctx, 'kiosk.checkIn', {
    ...input,
    projectId: ctx.actor.device.projectId,
    kind: 'visit',
  })
}

/** A call taken at the front-desk phone goes through the same rules as a walk-in. */
export function startCall({ ctx, input }: { ctx: UserServiceContext; input: StartCallInput }) {
  return receiveVisitor(ctx, 'reception.startCall', { ...input, kind: 'call' })
}
