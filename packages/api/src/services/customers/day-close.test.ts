/**
 * The day's paperwork: the visit registration (来访登记), a consultant's day close (日结) and what it
 * lists as missing, the assistant's view of the team and of late entries, and the manager's list
 * of leads left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONSENT_VERSION, type VisitAnswers } from '@anchang/shared'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import { createTestWorld, type TestDevice, type TestUser, type TestWorld } from '../../testing'

const HOUR_MS = 3_600_000
let world: TestWorld
let project: { id: string; code: string }
let kiosk: TestDevice
let people: Record<'manager' | 'assistant' | 'zhang' | 'li', TestUser>

beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject()
  const member = (role: TestUser['role'], name: string) =>
    world.createUser({ role, projectIds: [project.id], name })
  people = {
    manager: await member('manager', '吴敏'),
    assistant: await member('assistant', '郑丽'),
    zhang: await member('consultant', '张伟'),
    li: await member('consultant', '李娜'),
  }
  kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
  await world.asUser(people.zhang).rotation.signIn({ projectId: project.id })
})
afterEach(() => world.close())

const now = () => world.deps.clock()
function later(ms: number) {
  world.setNow(new Date(now().getTime() + ms))
  world.database.sqlite.prepare("UPDATE sessions SET expires_at = '9999-12-31T00:00:00.000Z'").run()
}
/** A walk-in 张伟 receives; finished valid with `grade` unless left open. */
async function visit(phone: string, grade: 'A' | 'B' | 'open') {
  const v = await world
    .asDevice(kiosk)
    .kiosk.checkIn({ phone, surname: '王', title: '先生', consentVersion: CONSENT_VERSION })
  later(10 * 60_000)
  if (grade !== 'open') {
    await world
      .asUser(people.zhang)
      .reception.finish({ receptionId: v.receptionId!, result: 'valid', ...(grade ? { grade } : {}) })
  }
  const [found] = await world.asUser(people.manager).customers.search({ projectId: project.id, q: phone })
  return { receptionId: v.receptionId!, customerId: found!.id }
}
const fullAnswers: VisitAnswers = {
  sex: 'male',
  visitKind: 'first',
  company: 'family',
  homeArea: '浦东',
  workArea: '陆家嘴',
  ageBand: '35-39',
  heardFrom: ['online', 'referral'],
  employerType: 'private',
  occupation: '工程师',
  wantedFunction: 'residence',
  floor: 'middle',
  orientation: 'southNorth',
  areaBand: '90-120',
  unitPriceBand: '20-25k',
  budgetBand: '200-300',
  motive: 'ownUse',
  factors: ['location', 'transport'],
  objections: ['price'],
}

describe('customers.registerVisit', () => {
  it('puts the registration on the timeline and takes its grade as the customer’s newest', async () => {
    const { customerId } = await visit('13800138001', 'B')
    const logged = await world.asUser(people.zhang).customers.registerVisit({
      customerId,
      happenedAt: now().toISOString(),
      answers: fullAnswers,
      grade: 'A',
    })
    expect(logged.late).toBe(false)
    const customer = await world.asUser(people.zhang).customers.get({ customerId })
    expect(customer.grade).toBe('A')
    expect(customer.activities[0]).toMatchObject({
      type: 'questionnaire',
      payload: { answers: { sex: 'male', heardFrom: ['online', 'referral'] } },
    })
  })

  it('refuses an answer outside its choices with a sentence naming the field and its choices, writing nothing', async () => {
    const { customerId } = await visit('13800138001', 'B')
    const before = world.rowCount('activities')
    const bad = await failureOf(
      world.asUser(people.zhang).customers.registerVisit({
        customerId,
        happenedAt: now().toISOString(),
        answers: { ...fullAnswers, sex: 'robot' } as never,
      }),
    )
    expect(bad?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(bad)).toBe('性别只能是：男、女。')
    expect(sentenceOf(bad, 'en')).toBe('Sex must be one of: Male, Female.')
    const unknown = await failureOf(
      world.asUser(people.zhang).customers.registerVisit({
        customerId,
        happenedAt: now().toISOString(),
        answers: { shoeSize: '42' } as never,
      }),
    )
    expect(unknown?.code).toBe('BAD_REQUEST')
    expect(world.rowCount('activities')).toBe(before)
  })

  it('is refused to a colleague who never received the customer', async () => {
    const { customerId } = await visit('13800138001', 'B')
    expect(
      await outcomeOf(
        world
          .asUser(people.li)
          .customers.registerVisit({ customerId, happenedAt: now().toISOString(), answers: fullAnswers }),
      ),
    ).toBe('FORBIDDEN')
  })
})

describe('dayClose', () => {
  it('lists the open reception, the visit without a grade, the visit without a registration and the follow-up due', async () => {
    // A walk-in the consultant met outside the rotation, registered without a grade.
    const ungraded = await world
      .asUser(people.zhang)
      .customers.register({ projectId: project.id, phone: '13800138002', kind: 'visit' })
    const graded = await visit('13800138003', 'A')
    await world.asUser(people.zhang).customers.registerVisit({
      customerId: graded.customerId,
      happenedAt: now().toISOString(),
      answers: fullAnswers,
    })
    const open = await visit('13800138001', 'open')
    const day = await world.asUser(people.zhang).dayClose.mine({ projectId: project.id })
    expect(day.missing.unfinished.map((r) => r.receptionId)).toEqual([open.receptionId])
    expect(day.missing.ungraded.map((v) => v.customerId)).toEqual([ungraded.customerId])
    expect(day.missing.unregistered.map((v) => v.customerId)).toEqual([ungraded.customerId])
    expect(day.closed).toBeNull()
  })

  it('lists a follow-up due today until it is logged', async () => {
    const { customerId } = await world.asUser(people.zhang).customers.register({
      projectId: project.id,
      phone: '13800138009',
      kind: 'call',
      grade: 'A',
      note: '首次来电',
    })
    later(3 * 24 * HOUR_MS)
    expect(
      (await world.asUser(people.zhang).dayClose.mine({ projectId: project.id })).missing.followUpsDue.map(
        (f) => f.customerId,
      ),
    ).toEqual([customerId])
    await world.asUser(people.zhang).customers.followUp({
      customerId,
      method: 'wechat',
      happenedAt: now().toISOString(),
      note: '发了开盘通知',
    })
    expect(
      (await world.asUser(people.zhang).dayClose.mine({ projectId: project.id })).missing.followUpsDue,
    ).toEqual([])
  })

  it('closes the day with what is still missing, and the assistant sees who has and has not closed', async () => {
    await world.asUser(people.li).rotation.signIn({ projectId: project.id })
    await world
      .asUser(people.zhang)
      .customers.register({ projectId: project.id, phone: '13800138002', kind: 'visit' })
    const closed = await world.asUser(people.zhang).dayClose.close({ projectId: project.id })
    expect(closed.missing).toEqual({ unfinished: 0, ungraded: 1, unregistered: 1, followUpsDue: 0 })
    const team = await world.asUser(people.assistant).dayClose.team({ projectId: project.id })
    expect(team.consultants.map((c) => [c.name, !!c.closedAt])).toEqual([
      ['张伟', true],
      ['李娜', false],
    ])
    expect(team.consultants[0]!.missingAtClose).toEqual(closed.missing)
    expect(await outcomeOf(world.asUser(people.zhang).dayClose.team({ projectId: project.id }))).toBe(
      'FORBIDDEN',
    )
  })
})

describe('customers.lateEntries', () => {
  it('lists every entry made after its day, for the assistant', async () => {
    const { customerId } = await world
      .asUser(people.zhang)
      .customers.register({ projectId: project.id, phone: '13800138009', kind: 'visit' })
    later(24 * HOUR_MS)
    await world.asUser(people.zhang).customers.followUp({
      customerId,
      method: 'call',
      happenedAt: new Date(now().getTime() - 20 * HOUR_MS).toISOString(),
      note: '昨天打过电话，补录',
    })
    await world
      .asUser(people.zhang)
      .customers.followUp({ customerId, method: 'call', happenedAt: now().toISOString(), note: '今天又打了' })
    const today = new Date(now().getTime() + 8 * HOUR_MS).toISOString().slice(0, 10)
    const late = await world
      .asUser(people.assistant)
      .customers.lateEntries({ projectId: project.id, from: today, to: today })
    expect(late).toMatchObject([
      { customerId, consultantName: '张伟', note: '昨天打过电话，补录', type: 'follow_up' },
    ])
  })
})

describe('customers.ignoredLeads', () => {
  it('flags a new customer with no follow-up after 48 hours and a reception open past an hour', async () => {
    const { customerId } = await world
      .asUser(people.zhang)
      .customers.register({ projectId: project.id, phone: '13800138009', kind: 'call' })
    const open = await visit('13800138001', 'open')
    later(47 * HOUR_MS)
    const early = await world.asUser(people.manager).customers.ignoredLeads({ projectId: project.id })
    expect(early.newWithoutFollowUp).toEqual([])
    expect(early.openReceptions).toMatchObject([{ receptionId: open.receptionId, customerName: '王先生' }])
    later(2 * HOUR_MS)
    const flagged = await world.asUser(people.manager).customers.ignoredLeads({ projectId: project.id })
    expect(flagged.newWithoutFollowUp).toMatchObject([{ customerId, ownerName: '张伟', hours: 49 }])
    await world
      .asUser(people.zhang)
      .customers.followUp({ customerId, method: 'call', happenedAt: now().toISOString(), note: '回电' })
    expect(
      (await world.asUser(people.manager).customers.ignoredLeads({ projectId: project.id }))
        .newWithoutFollowUp,
    ).toEqual([])
  })
})
