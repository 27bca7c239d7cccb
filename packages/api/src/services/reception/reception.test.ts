/**
 * Check-in, finish, the reception log and appeals, through the callers a kiosk, a consultant and a
 * manager use (DOMAIN.md "The rotation", "Customers and ownership"; CONTRACT.md `kiosk.checkIn`,
 * `reception.*`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { checkIns, customers, notifications, receptions } from '@anchang/db'
import { CONSENT_VERSION, type CheckInInput } from '@anchang/shared'
import { failureOf, sentenceOf } from '../../authz-matrix'
import {
  createTestOffice,
  TEST_START,
  type TestDevice,
  type TestOffice,
  type TestProject,
  type TestUser,
  type TestWorld,
} from '../../testing'

const TODAY = '2026-03-02'
const DAY_MS = 86_400_000

// A fresh office for every test (testing.ts `createTestOffice`); these names are the current one's.
let world: TestWorld, project: TestProject, manager: TestUser, team: TestUser[], kiosk: TestDevice
let now: TestOffice['now'],
  tick: TestOffice['tick'],
  signIn: TestOffice['signIn'],
  checkIn: TestOffice['checkIn']
let board: TestOffice['board'], order: TestOffice['order']
beforeEach(async () => {
  ;({ world, project, manager, team, kiosk, now, tick, signIn, checkIn, board, order } =
    await createTestOffice())
})
afterEach(() => world.close())

const c1 = () => team[0]!
const c2 = () => team[1]!
const c3 = () => team[2]!
const finish = (
  who: TestUser,
  receptionId: string,
  result: 'valid' | 'invalid' = 'valid',
  grade?: 'A' | 'B' | 'C' | 'D',
) =>
  world
    .asUser(who)
    .reception.finish({ receptionId, result, ...(result === 'valid' ? { grade: grade ?? 'B' } : {}) })
const queue = async () => (await board()).queue.map((q) => [q.consultantId, q.status])
const log = () => world.asUser(manager).reception.log({ projectId: project.id, date: TODAY })
const customerByPhone = (phone: string) =>
  world.database.db.select().from(customers).where(eq(customers.phone, phone)).get()
const count = (table: 'check_ins' | 'customers' | 'rotation_events' | 'receptions') => world.rowCount(table)
const counts = () =>
  Object.fromEntries(
    (['check_ins', 'customers', 'rotation_events', 'receptions'] as const).map((t) => [t, count(t)]),
  )

/** A visitor received and finished valid with grade B by `owner`: the customer is now theirs. */
async function ownedBy(owner: TestUser, phone: string): Promise<void> {
  const head = (await order())[0]
  if (head !== owner.id) throw new Error('the owner must be at the head of the queue for this set-up')
  const first = await checkIn(phone)
  tick()
  await finish(owner, first.receptionId!, 'valid', 'B')
  tick()
}

describe('kiosk.checkIn: who receives the visitor', () => {
  it('gives a new visitor to the head of the queue, who moves to the tail', async () => {
    await signIn(c1(), c2(), c3())
    const outcome = await checkIn('13800138001', {
      surname: '王',
      title: '女士',
      partySize: 2,
      channel: '网络',
    })
    expect(outcome).toMatchObject({
      outcome: 'assigned',
      receptionId: expect.any(String),
      consultant: { id: c1().id, name: '张伟' },
      reason: 'rotation',
    })
    expect(await queue()).toEqual([
      [c2().id, 'available'],
      [c3().id, 'available'],
      [c1().id, 'receiving'],
    ])
    expect((await board()).receiving).toEqual([
      expect.objectContaining({ receptionId: outcome.receptionId, consultantId: c1().id }),
    ])
    const stored = world.database.db.select().from(checkIns).get()!
    expect(stored).toMatchObject({
      phone: '13800138001',
      surname: '王',
      title: '女士',
      partySize: 2,
      channel: '网络',
      consentVersion: CONSENT_VERSION,
      outcome: 'assigned',
    })
  })

  it('records a check-in without consentVersion as "consent not captured" rather than refusing it', async () => {
    await signIn(c1())
    const outcome = await world.asDevice(kiosk).kiosk.checkIn({ phone: '13800138001' })
    expect(outcome.outcome).toBe('assigned')
    expect(world.database.db.select().from(checkIns).get()!.consentVersion).toBeNull()
  })

  it('sends a returning customer to their free owner, without using the owner’s turn', async () => {
    await signIn(c1(), c2(), c3())
    await ownedBy(c1(), '13800138001')
    expect(customerByPhone('13800138001')).toMatchObject({ ownerId: c1().id, grade: 'B' })
    const before = await order()
    expect(before).toEqual([c2().id, c3().id, c1().id])

    const again = await checkIn('13800138001')
    expect(again).toMatchObject({ outcome: 'assigned', reason: 'owner', consultant: { id: c1().id } })
    expect(await order(), 'the owner keeps their place at the tail').toEqual(before)
    tick()
    await finish(c1(), again.receptionId!, 'invalid')
    expect(await order(), 'an invalid owner reception gives no make-up turn').toEqual(before)
  })

  it('sets the owner’s protection to 30 days from the visit once it is finished valid (grades A–C)', async () => {
    await signIn(c1(), c2(), c3())
    for (const [i, grade] of (['A', 'B', 'C'] as const).entries()) {
      const phone = `1380013800${i}`
      const head = (await order())[0]!
      const visitedAt = now()
      const visit = await checkIn(phone)
      tick()
      await finish(team.find((t) => t.id === head)!, visit.receptionId!, 'valid', grade)
      // The contact is the visit itself: finishing it an hour later does not move the protection.
      expect(customerByPhone(phone)).toMatchObject({
        ownerId: head,
        grade,
        protectionEndsAt: new Date(visitedAt.getTime() + 30 * DAY_MS).toISOString(),
      })
    }
  })

  it('gives no owner after a valid reception graded D: the customer returns by rotation', async () => {
    await signIn(c1(), c2(), c3())
    const first = await checkIn('13800138001')
    tick()
    await finish(c1(), first.receptionId!, 'valid', 'D')
    expect(customerByPhone('13800138001')).toMatchObject({
      ownerId: null,
      grade: 'D',
      protectionEndsAt: null,
    })
    tick()
    expect(await checkIn('13800138001')).toMatchObject({ reason: 'rotation', consultant: { id: c2().id } })
  })

  it('gives no owner after an invalid reception: the customer returns by rotation', async () => {
    await signIn(c1(), c2(), c3())
    const first = await checkIn('13800138001')
    tick()
    await finish(c1(), first.receptionId!, 'invalid')
    expect(customerByPhone('13800138001')).toMatchObject({ ownerId: null, protectionEndsAt: null })
    tick()
    // c1's make-up turn puts them at the head again, but as the next in rotation, not as the owner.
    expect(await checkIn('13800138001')).toMatchObject({ reason: 'make_up', consultant: { id: c1().id } })
  })

  it('after the protection days the customer is in the public pool and comes in by rotation', async () => {
    await signIn(c1(), c2(), c3())
    await ownedBy(c1(), '13800138001')
    tick(31 * 24 * 60)
    await signIn(c2(), c1())
    expect(await checkIn('13800138001')).toMatchObject({ reason: 'rotation', consultant: { id: c2().id } })
  })

  it('has the next consultant receive on behalf of an owner on break, and tells the owner', async () => {
    await signIn(c1(), c2(), c3())
    await ownedBy(c1(), '13800138001')
    await world.asUser(c1()).rotation.setBreak({ projectId: project.id, onBreak: true, reason: 'lunch' })
    const before = await order()

    const visit = await checkIn('13800138001')
    expect(visit).toMatchObject({
      outcome: 'assigned',
      reason: 'on_behalf',
      consultant: { id: c2().id, name: '李娜' },
    })
    expect(await order(), 'a stand-in’s turn is not used').toEqual(before)
    const mine = await world.asUser(c1()).rotation.mine({ projectId: project.id })
    expect(mine.notices[0]).toMatchObject({
      type: 'on_behalf',
      payload: { receptionId: visit.receptionId, standIn: { id: c2().id, name: '李娜' } },
    })
    expect(customerByPhone('13800138001')?.ownerId, 'ownership is unchanged').toBe(c1().id)
  })

  it('treats a signed-out owner as absent (on_behalf)', async () => {
    await signIn(c1(), c2(), c3())
    await ownedBy(c1(), '13800138001')
    await world.asUser(c1()).rotation.signOut({ projectId: project.id })
    expect(await checkIn('13800138001')).toMatchObject({ reason: 'on_behalf', consultant: { id: c2().id } })
  })

  it('treats an owner receiving someone else while another consultant is free as busy (on_behalf)', async () => {
    await signIn(c1(), c2(), c3())
    await ownedBy(c1(), '13800138001')
    await world.asUser(manager).rotation.override({
      projectId: project.id,
      action: 'move',
      consultantId: c1().id,
      toPosition: 1,
      reason: '测试：让业主先接待别人',
    })
    expect((await checkIn('13800138002')).consultant?.id).toBe(c1().id)
    const visit = await checkIn('13800138001')
    expect(visit).toMatchObject({ reason: 'on_behalf', consultant: { id: c2().id } })
    const row = world.database.db.select().from(receptions).where(eq(receptions.id, visit.receptionId!)).get()
    expect(row).toMatchObject({ onBehalfOf: c1().id, usesTurn: false })
  })

  it('puts visitors in a waiting line when nobody is free, with their place and an estimate', async () => {
    await signIn(c1(), c2())
    await checkIn('13800138001')
    await checkIn('13800138002')
    const third = await checkIn('13800138003', { partySize: 3 })
    const fourth = await checkIn('13800138004')
    expect(third).toMatchObject({
      outcome: 'waiting',
      reason: 'waiting',
      waitingId: expect.any(String),
      waitPosition: 1,
    })
    expect(fourth).toMatchObject({ outcome: 'waiting', waitPosition: 2 })
    expect(third.estimatedMinutes).toBeGreaterThanOrEqual(1)
    expect(fourth.estimatedMinutes!).toBeGreaterThanOrEqual(third.estimatedMinutes!)
    expect(third.consultant).toBeUndefined()
    expect((await board()).waiting).toEqual([
      expect.objectContaining({ waitingId: third.waitingId, partySize: 3, since: now().toISOString() }),
      expect.objectContaining({ waitingId: fourth.waitingId, partySize: 1 }),
    ])
  })

  it('answers a number already being received with the same outcome, adding nothing', async () => {
    await signIn(c1(), c2())
    const first = await checkIn('13800138001')
    const before = counts()
    tick()
    const again = await checkIn('13800138001')
    expect(again).toEqual(first)
    expect(counts()).toEqual(before)
  })

  it('answers a number already waiting with its place in the line, adding nothing', async () => {
    await signIn(c1())
    await checkIn('13800138001')
    await checkIn('13800138002')
    const first = await checkIn('13800138003')
    expect(first.waitPosition).toBe(2)
    const before = counts()
    const again = await checkIn('13800138003')
    expect(again).toMatchObject({ outcome: 'waiting', waitingId: first.waitingId, waitPosition: 2 })
    expect(counts()).toEqual(before)
  })

  it('normalises `+86 138-0013-8000`: one customer, and the plain number is the same visitor', async () => {
    await signIn(c1(), c2())
    const first = await checkIn('+86 138-0013-8000')
    expect(world.database.db.select().from(checkIns).get()!.phone).toBe('13800138000')
    expect(customerByPhone('13800138000')).toBeDefined()
    const again = await checkIn('13800138000')
    expect(again.receptionId).toBe(first.receptionId)
    expect(count('customers')).toBe(1)
  })

  it('takes a call at the front desk by the same rules, as a call', async () => {
    const assistant = await world.createUser({ role: 'assistant', projectIds: [project.id] })
    await signIn(c1(), c2())
    const call = await world
      .asUser(assistant)
      .reception.startCall({ projectId: project.id, phone: '139 0000 0001', surname: '赵' })
    expect(call).toMatchObject({ outcome: 'assigned', reason: 'rotation', consultant: { id: c1().id } })
    expect((await board()).receiving[0]).toMatchObject({ receptionId: call.receptionId, kind: 'call' })
    expect(world.database.db.select().from(checkIns).get()).toMatchObject({
      kind: 'call',
      userId: assistant.id,
      deviceId: null,
    })
  })
})

describe('the reception card (rotation.mine)', () => {
  const card = async (who: TestUser) =>
    (await world.asUser(who).rotation.mine({ projectId: project.id })).receptions[0]!.visitor

  it('shows the owner their returning customer’s full number and the name in the book, though none was typed', async () => {
    await signIn(c1(), c2())
    const first = await checkIn('13800138001', { surname: '李', title: '先生' })
    tick()
    await finish(c1(), first.receptionId!, 'valid', 'A')
    tick()
    await checkIn('13800138001')
    expect(await card(c1())).toMatchObject({ name: '李先生', phone: '13800138001' })
  })

  it('shows anyone else the number masked, the stand-in too, but still names the customer', async () => {
    await signIn(c1(), c2(), c3())
    await ownedBy(c1(), '13800138001')
    await world.asUser(c1()).rotation.setBreak({ projectId: project.id, onBreak: true, reason: 'lunch' })
    world.database.db
      .update(customers)
      .set({ surname: '周', title: '女士' })
      .where(eq(customers.phone, '13800138001'))
      .run()
    const visit = await checkIn('13800138001')
    const standIn = team.find((t) => t.id === visit.consultant!.id)!
    expect(await card(standIn)).toMatchObject({ name: '周女士', phone: '138****8001' })
  })

  it('masks the number for a former owner whose protection has lapsed, and keeps the name', async () => {
    await signIn(c1(), c2(), c3())
    await ownedBy(c1(), '13800138001')
    world.database.db
      .update(customers)
      .set({ surname: '吴', title: '先生' })
      .where(eq(customers.phone, '13800138001'))
      .run()
    tick(31 * 24 * 60)
    await signIn(c1())
    const visit = await checkIn('13800138001')
    const receiver = team.find((t) => t.id === visit.consultant!.id)!
    expect(await card(receiver)).toMatchObject({ name: '吴先生', phone: '138****8001' })
  })
})

describe('kiosk.checkIn: bad input', () => {
  beforeEach(async () => {
    await signIn(c1())
  })

  const refused: [string, Record<string, unknown>, string, string][] = [
    ['a number starting 12', { phone: '12800138000' }, '手机号', 'phone'],
    ['ten digits', { phone: '1380013800' }, '手机号', 'phone'],
    ['twelve digits', { phone: '138001380001' }, '手机号', 'phone'],
    ['letters', { phone: '138abcd8000' }, '手机号', 'phone'],
    ['an empty number', { phone: '' }, '手机号', 'phone'],
    ['a Hong Kong prefix', { phone: '+852 13800138000' }, '手机号', 'phone'],
    ['a landline', { phone: '021-62345678' }, '手机号', 'phone'],
    ['brackets', { phone: '(138)00138000' }, '手机号', 'phone'],
    ['a number as a number', { phone: 13800138000 }, '手机号', 'phone'],
    ['no number at all', { phone: undefined }, '手机号', 'phone'],
    ['a party of 0', { partySize: 0 }, '来访人数', 'party size'],
    ['a party of 21', { partySize: 21 }, '来访人数', 'party size'],
    ['a party of 1.5', { partySize: 1.5 }, '来访人数', 'party size'],
    ['a surname of 21 characters', { surname: '欧'.repeat(21) }, '姓氏', 'surname'],
    ['an unknown title', { title: '小姐' }, '称呼', 'title'],
    ['a channel the project does not have', { channel: '抖音' }, '渠道', 'channel'],
  ]

  it.each(refused)(
    'refuses %s with BAD_REQUEST naming the field, and writes nothing',
    async (_case, patch, zh, en) => {
      const before = counts()
      const input = { phone: '13800138000', consentVersion: CONSENT_VERSION, ...patch }
      const error = await failureOf(world.asDevice(kiosk).kiosk.checkIn(input as CheckInInput))
      expect(error?.code).toBe('BAD_REQUEST')
      expect(sentenceOf(error)).toContain(zh)
      expect(sentenceOf(error, 'en').toLowerCase()).toContain(en.toLowerCase())
      expect(sentenceOf(error)).not.toMatch(/invalid_type|too_small|expected|\{|\[/)
      expect(counts()).toEqual(before)
      expect((await board()).receiving).toEqual([])
    },
  )

  it('accepts the edges: a party of 1 and of 20, a 20-character surname, a known channel', async () => {
    await signIn(c2(), c3())
    expect((await checkIn('13800138001', { partySize: 1 })).outcome).toBe('assigned')
    expect((await checkIn('13800138002', { partySize: 20, surname: '欧'.repeat(20) })).outcome).toBe(
      'assigned',
    )
    expect((await checkIn('13800138003', { channel: '自然来访' })).outcome).toBe('assigned')
  })
})

describe('reception.finish', () => {
  it('is only for the receiving consultant: anyone else is FORBIDDEN and the reception stays open', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    for (const other of [c2(), manager]) {
      const error = await failureOf(finish(other, visit.receptionId!))
      expect(error?.code).toBe('FORBIDDEN')
      expect(sentenceOf(error)).toBe('只有正在接待的顾问本人可以结束这次接待。')
    }
    expect((await board()).receiving.map((r) => r.receptionId)).toEqual([visit.receptionId])
  })

  it('refuses a second finish with CONFLICT, keeping the first result', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    await finish(c1(), visit.receptionId!, 'valid', 'A')
    const error = await failureOf(finish(c1(), visit.receptionId!, 'invalid'))
    expect(error?.code).toBe('CONFLICT')
    expect(sentenceOf(error)).toBe('这次接待已经结束，不能重复提交。')
    expect((await log())[0]).toMatchObject({ result: 'valid', grade: 'A' })
    expect(await order(), 'no make-up turn from the refused invalid finish').toEqual([c2().id, c1().id])
  })

  it('refuses a valid finish without a grade with BAD_REQUEST, and the reception stays open', async () => {
    await signIn(c1())
    const visit = await checkIn('13800138001')
    const error = await failureOf(
      world.asUser(c1()).reception.finish({ receptionId: visit.receptionId!, result: 'valid' }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toContain('客户等级')
    expect(await queue()).toEqual([[c1().id, 'receiving']])
  })

  it('a reception left open yesterday can still be finished today, and today’s queue is untouched', async () => {
    await signIn(c1())
    const yesterday = await checkIn('13800138001')
    tick(24 * 60)
    await signIn(c2(), c1())
    await finish(c1(), yesterday.receptionId!, 'valid', 'A')
    const row = world.database.db
      .select()
      .from(receptions)
      .where(eq(receptions.id, yesterday.receptionId!))
      .get()
    expect(row).toMatchObject({
      status: 'finished',
      result: 'valid',
      grade: 'A',
      finishedAt: now().toISOString(),
    })
    expect(customerByPhone('13800138001')?.ownerId).toBe(c1().id)
    expect(await queue()).toEqual([
      [c2().id, 'available'],
      [c1().id, 'available'],
    ])
  })

  it('gives the turn back after an invalid reception (补位): the next walk-in is theirs, as make_up', async () => {
    await signIn(c1(), c2(), c3())
    const visit = await checkIn('13800138001')
    tick()
    await finish(c1(), visit.receptionId!, 'invalid')
    expect(await order()).toEqual([c1().id, c2().id, c3().id])
    tick()
    const next = await checkIn('13800138002')
    expect(next).toMatchObject({ consultant: { id: c1().id }, reason: 'make_up' })
    expect((await log()).map((r) => [r.consultantId, r.reason, r.result])).toEqual([
      [c1().id, 'rotation', 'invalid'],
      [c1().id, 'make_up', undefined],
    ])
  })

  it('hands the longest-waiting visitor to the consultant who finishes, in the same write', async () => {
    await signIn(c1())
    const first = await checkIn('13800138001')
    tick()
    const second = await checkIn('13800138002')
    const third = await checkIn('13800138003')
    const events = count('rotation_events')
    tick()
    await finish(c1(), first.receptionId!, 'valid', 'C')

    expect(count('rotation_events'), 'the finish is one event, the hand-over part of it').toBe(events + 1)
    const b = await board()
    expect(b.receiving).toEqual([
      expect.objectContaining({ consultantId: c1().id, reason: 'waiting', since: now().toISOString() }),
    ])
    expect(b.waiting.map((w) => w.waitingId)).toEqual([third.waitingId])
    const served = world.database.db
      .select()
      .from(checkIns)
      .where(eq(checkIns.waitingId, second.waitingId!))
      .get()
    expect(served).toMatchObject({ waitingStatus: 'served', waitingEndedAt: now().toISOString() })
    const rows = await log()
    expect(rows.map((r) => [r.consultantId, r.reason])).toEqual([
      [c1().id, 'rotation'],
      [c1().id, 'waiting'],
    ])
    expect(rows[1]!.at).toBe(now().toISOString())
    const mine = await world.asUser(c1()).rotation.mine({ projectId: project.id })
    expect(mine.receptions.map((r) => r.receptionId)).toEqual([b.receiving[0]!.receptionId])
  })

  it('a waiting visitor is taken by a consultant back from a break, and by one who signs in', async () => {
    await signIn(c1(), c2())
    await world.asUser(c2()).rotation.setBreak({ projectId: project.id, onBreak: true, reason: 'restroom' })
    await checkIn('13800138001')
    const waiting = await checkIn('13800138002')
    const late = await checkIn('13800138003')
    expect(waiting.outcome).toBe('waiting')
    tick()
    await world.asUser(c2()).rotation.setBreak({ projectId: project.id, onBreak: false })
    tick()
    await signIn(c3())
    expect((await board()).waiting).toEqual([])
    expect((await log()).map((r) => [r.consultantId, r.reason])).toEqual([
      [c1().id, 'rotation'],
      [c2().id, 'waiting'],
      [c3().id, 'waiting'],
    ])
    expect(late.waitPosition).toBe(2)
  })
})

describe('reception.log', () => {
  it('has one row per reception with the contract’s fields and the queue as it was', async () => {
    await signIn(c1(), c2(), c3())
    const visit = await checkIn('13800138001', { surname: '王', title: '女士' })
    tick()
    await finish(c1(), visit.receptionId!, 'valid', 'A')
    tick()
    const second = await checkIn('13800138002')

    const rows = await log()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      receptionId: visit.receptionId,
      consultantId: c1().id,
      customerId: customerByPhone('13800138001')!.id,
      reason: 'rotation',
      result: 'valid',
      at: TEST_START.toISOString(),
      customerName: '王女士',
      phone: '138****8001',
    })
    expect(rows[0]!.queueBefore.map((q) => q.consultantId)).toEqual([c1().id, c2().id, c3().id])
    expect(rows[1]).toMatchObject({
      receptionId: second.receptionId,
      consultantId: c2().id,
      reason: 'rotation',
    })
    expect(rows[1]!.result).toBeUndefined()
    expect(rows[1]!.queueBefore.map((q) => q.name)).toEqual(['李娜', '王芳', '张伟'])
    expect(JSON.stringify(rows), 'the log never shows a full number').not.toContain('13800138001')
  })

  it('keeps each day apart: yesterday’s receptions are not in today’s log', async () => {
    await signIn(c1())
    await checkIn('13800138001')
    expect(await world.asUser(manager).reception.log({ projectId: project.id, date: '2026-03-01' })).toEqual(
      [],
    )
    expect(await log()).toHaveLength(1)
  })
})

describe('appeals', () => {
  it('a consultant appeals; an answer that grants a turn puts them at the head and the appeal stays on record', async () => {
    await signIn(c1(), c2(), c3())
    const visit = await checkIn('13800138001')
    tick()
    await finish(c1(), visit.receptionId!, 'valid', 'B')
    const { id: appealId } = await world
      .asUser(c1())
      .reception.appeal({ receptionId: visit.receptionId!, text: '客户说是来找李娜的，应算她的轮次' })
    expect(await order()).toEqual([c2().id, c3().id, c1().id])

    await world
      .asUser(manager)
      .reception.answerAppeal({ appealId, accepted: true, answer: '同意，补一个轮次', grantTurn: true })
    expect((await board()).queue[0]).toMatchObject({
      consultantId: c1().id,
      position: 1,
      status: 'available',
    })
    tick()
    expect(await checkIn('13800138002')).toMatchObject({ consultant: { id: c1().id }, reason: 'override' })

    const [listed] = await world.asUser(c1()).reception.appeals({ projectId: project.id })
    expect(listed).toMatchObject({
      id: appealId,
      status: 'accepted',
      answer: '同意，补一个轮次',
      grantedTurn: true,
    })
    const row = (await log()).find((r) => r.receptionId === visit.receptionId)!
    expect(row.appeals).toEqual([expect.objectContaining({ id: appealId, status: 'accepted' })])
    const notice = world.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.type, 'appeal_answered'))
      .get()
    expect(notice).toMatchObject({
      userId: c1().id,
      payload: {
        type: 'appeal_answered',
        projectId: project.id,
        appealId,
        accepted: true,
        grantedTurn: true,
      },
    })
    const events = await world.asUser(manager).reception.events({ projectId: project.id, date: TODAY })
    expect(events.at(-2)).toMatchObject({
      type: 'grantTurn',
      consultantName: '张伟',
      actor: { name: '吴敏' },
    })
  })

  it('a rejected appeal changes nothing in the queue', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    const { id: appealId } = await world
      .asUser(c1())
      .reception.appeal({ receptionId: visit.receptionId!, text: '不该轮到我' })
    const before = await order()
    await world
      .asUser(manager)
      .reception.answerAppeal({ appealId, accepted: false, answer: '按规则分配', grantTurn: true })
    expect(await order()).toEqual(before)
    const error = await failureOf(
      world
        .asUser(manager)
        .reception.answerAppeal({ appealId, accepted: true, answer: '再看一次', grantTurn: true }),
    )
    expect(error?.code).toBe('CONFLICT')
  })

  it('only a consultant involved may appeal, and only once while it is open', async () => {
    await signIn(c1(), c2(), c3())
    const visit = await checkIn('13800138001')
    // c3 was neither at the head of the queue nor receiving: not involved.
    const stranger = await failureOf(
      world.asUser(c3()).reception.appeal({ receptionId: visit.receptionId!, text: '我也想要' }),
    )
    expect(stranger?.code).toBe('FORBIDDEN')
    await world.asUser(c1()).reception.appeal({ receptionId: visit.receptionId!, text: '第一次' })
    const twice = await failureOf(
      world.asUser(c1()).reception.appeal({ receptionId: visit.receptionId!, text: '第二次' }),
    )
    expect(twice?.code).toBe('CONFLICT')
    expect(world.rowCount('appeals')).toBe(1)
  })
})
