/**
 * The rotation as the office lives it, through the callers: sign-in by session and kiosk PIN,
 * breaks, sign-out, a manager's overrides, the board, and the day's state surviving a restart and
 * a replay of its log (DOMAIN.md "The rotation"; CONTRACT.md `rotation.*`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import { customers, notifications, openDatabase, receptions } from '@anchang/db'
import { localDate } from '@anchang/shared'
import { failureOf, sentenceOf } from '../../authz-matrix'
import { createLogger } from '../../logger'
import {
  createTestOffice,
  createTestWorld,
  TEST_START,
  type TestDevice,
  type TestOffice,
  type TestProject,
  type TestUser,
  type TestWorld,
} from '../../testing'
import { RotationHub } from './hub'

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
const c4 = () => team[3]!
const asManager = () => world.asUser(manager)
const byPin = (pin: string, device = kiosk) => world.asDevice(device).rotation.signIn({ pin })
const queue = async () => (await board()).queue.map((q) => [q.name, q.status, q.position])
const eventCount = () => world.rowCount('rotation_events')
const customerOf = (phone: string) =>
  world.database.db.select().from(customers).where(eq(customers.phone, phone)).get()
const override = (input: Record<string, unknown>) =>
  asManager().rotation.override({ projectId: project.id, ...input } as Parameters<
    ReturnType<typeof asManager>['rotation']['override']
  >[0])

describe('signing in', () => {
  it('a consultant signs in from their own session and joins the tail, 1-based', async () => {
    expect(await world.asUser(c1()).rotation.signIn({ projectId: project.id })).toMatchObject({ position: 1 })
    expect(await world.asUser(c2()).rotation.signIn({ projectId: project.id })).toMatchObject({ position: 2 })
    expect(await world.asUser(c3()).rotation.signIn({})).toMatchObject({ position: 3 })
    expect(await queue()).toEqual([
      ['张伟', 'available', 1],
      ['李娜', 'available', 2],
      ['王芳', 'available', 3],
    ])
    expect((await board()).queue.map((q) => q.consultantId)).toEqual([c1().id, c2().id, c3().id])
  })

  it('signing in twice keeps the place', async () => {
    await signIn(c1(), c2())
    expect(await world.asUser(c1()).rotation.signIn({ projectId: project.id })).toMatchObject({ position: 1 })
    expect(await order()).toEqual([c1().id, c2().id])
  })

  it('at the kiosk, the PIN names the consultant, who joins the tail', async () => {
    await signIn(c1())
    expect(await byPin('1003')).toMatchObject({ position: 2 })
    expect(await byPin('1002')).toMatchObject({ position: 3 })
    expect(await order()).toEqual([c1().id, c3().id, c2().id])
  })

  it('five wrong PINs in a row lock PIN entry on that kiosk for five minutes, the right PIN included', async () => {
    for (let i = 0; i < 5; i++) {
      const error = await failureOf(byPin('9999'))
      expect(error?.code).toBe('BAD_REQUEST')
      expect(sentenceOf(error)).toContain('PIN 码不正确')
    }
    const locked = await failureOf(byPin('1001'))
    expect(locked?.code).toBe('TOO_MANY_REQUESTS')
    expect(sentenceOf(locked)).toMatch(/请 5 分钟后再试/)
    expect((await board()).queue).toEqual([])

    const other = world.createDevice({ projectId: project.id, kind: 'kiosk' })
    expect(await byPin('1002', other), 'another kiosk is not locked').toMatchObject({ position: 1 })

    tick(4)
    expect((await failureOf(byPin('1001')))?.code).toBe('TOO_MANY_REQUESTS')
    tick(1)
    expect(await byPin('1001')).toMatchObject({ position: 2 })
  })

  it('a right PIN clears the count of wrong ones', async () => {
    for (let i = 0; i < 4; i++) await failureOf(byPin('9999'))
    await byPin('1001')
    for (let i = 0; i < 4; i++) await failureOf(byPin('9999'))
    expect(await byPin('1002')).toMatchObject({ position: 2 })
  })

  it('the PIN of a consultant of another project is a wrong PIN here', async () => {
    const elsewhere = world.createProject()
    await world.createUser({ role: 'consultant', projectIds: [elsewhere.id], pin: '7777' })
    expect((await failureOf(byPin('7777')))?.code).toBe('BAD_REQUEST')
    expect((await board()).queue).toEqual([])
  })

  it('kiosk.identify checks the PIN as it is typed and says where the consultant stands', async () => {
    const identify = (pin: string) => world.asDevice(kiosk).kiosk.identify({ pin })
    const wrong = await failureOf(identify('9999'))
    expect(wrong?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(wrong)).toContain('PIN 码不正确')
    expect(await identify('1001')).toEqual({
      consultant: { id: c1().id, name: '张伟' },
      standing: 'signedOut',
      position: null,
      next: false,
    })
    await signIn(c2(), c1())
    expect(await identify('1001')).toMatchObject({ standing: 'available', position: 2, next: false })
    expect(await identify('1002'), 'the only free one at the head is next').toMatchObject({
      standing: 'available',
      position: 1,
      next: true,
    })
    await checkIn('13800138001')
    expect(await identify('1002')).toMatchObject({ standing: 'receiving' })
    expect(await identify('1001')).toMatchObject({ standing: 'available', next: true })
  })

  it('wrong PINs typed at identify count towards the same lock as the actions', async () => {
    for (let i = 0; i < 3; i++) await failureOf(world.asDevice(kiosk).kiosk.identify({ pin: '9999' }))
    for (let i = 0; i < 2; i++) await failureOf(byPin('9998'))
    expect((await failureOf(world.asDevice(kiosk).kiosk.identify({ pin: '1001' })))?.code).toBe(
      'TOO_MANY_REQUESTS',
    )
  })

  it('a kiosk without a PIN is asked for one', async () => {
    const error = await failureOf(world.asDevice(kiosk).rotation.signIn({}))
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('请在自助机上输入你的 PIN 码。')
  })

  it('a visitor already waiting is taken by the consultant who signs in', async () => {
    await signIn(c1())
    await checkIn('13800138001')
    const waiting = await checkIn('13800138002')
    tick()
    await byPin('1002')
    const b = await board()
    expect(b.waiting).toEqual([])
    expect(b.receiving).toContainEqual(expect.objectContaining({ consultantId: c2().id, reason: 'waiting' }))
    expect(waiting.outcome).toBe('waiting')
  })
})

describe('breaks and signing out', () => {
  it('a break without a reason keeps the place: skipped while away, first again when back', async () => {
    await signIn(c1(), c2(), c3())
    await world.asUser(c1()).rotation.setBreak({ projectId: project.id, onBreak: true })
    expect(await queue()).toEqual([
      ['张伟', 'break', 1],
      ['李娜', 'available', 2],
      ['王芳', 'available', 3],
    ])
    expect((await checkIn('13800138001')).consultant?.id, 'the one on break is skipped').toBe(c2().id)
    await world.asUser(c1()).rotation.setBreak({ projectId: project.id, onBreak: false })
    expect(await queue()).toEqual([
      ['张伟', 'available', 1],
      ['王芳', 'available', 2],
      ['李娜', 'receiving', 3],
    ])
    expect((await checkIn('13800138002')).consultant?.id).toBe(c1().id)
  })

  it('a lunch break keeps the place; a private errand loses it, behind whoever signed in meanwhile', async () => {
    await signIn(c1(), c2(), c3())
    await world.asUser(c1()).rotation.setBreak({ projectId: project.id, onBreak: true, reason: 'lunch' })
    expect((await order())[0]).toBe(c1().id)
    await world.asUser(c2()).rotation.setBreak({ projectId: project.id, onBreak: true, reason: 'private' })
    await signIn(c4())
    await world.asUser(c2()).rotation.setBreak({ projectId: project.id, onBreak: false })
    expect(await order()).toEqual([c1().id, c3().id, c4().id, c2().id])
    expect((await board()).queue[0]).toMatchObject({ status: 'break', breakReason: 'lunch' })
  })

  it('a break by kiosk PIN works like one from the app', async () => {
    await signIn(c1(), c2())
    expect(
      await world.asDevice(kiosk).rotation.setBreak({ pin: '1001', onBreak: true, reason: 'errand' }),
    ).toMatchObject({ ok: true })
    expect(await queue()).toEqual([
      ['张伟', 'break', 1],
      ['李娜', 'available', 2],
    ])
  })

  it('coming back from a break one is not on is refused', async () => {
    await signIn(c1())
    const error = await failureOf(
      world.asUser(c1()).rotation.setBreak({ projectId: project.id, onBreak: false }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('张伟没有在暂离。')
  })

  it('signing out or going on a break while receiving is refused, naming the consultant; nothing changes', async () => {
    await signIn(c1(), c2())
    await checkIn('13800138001')
    const events = eventCount()
    for (const call of [
      () => world.asUser(c1()).rotation.signOut({ projectId: project.id }),
      () => world.asUser(c1()).rotation.setBreak({ projectId: project.id, onBreak: true, reason: 'lunch' }),
      () => world.asDevice(kiosk).rotation.signOut({ pin: '1001' }),
    ]) {
      const error = await failureOf(call)
      expect(error?.code).toBe('CONFLICT')
      expect(sentenceOf(error)).toBe('张伟正在接待客户，请先结束这次接待。')
    }
    expect(eventCount()).toBe(events)
    expect(await queue()).toEqual([
      ['李娜', 'available', 1],
      ['张伟', 'receiving', 2],
    ])
  })

  it('signing out leaves the queue; signing in again joins the tail', async () => {
    await signIn(c1(), c2(), c3())
    expect(await world.asDevice(kiosk).rotation.signOut({ pin: '1001' })).toMatchObject({ ok: true })
    expect(await order()).toEqual([c2().id, c3().id])
    expect(await world.asUser(c1()).rotation.signIn({ projectId: project.id })).toMatchObject({ position: 3 })
  })

  it('a consultant’s own view says where they stand', async () => {
    await signIn(c1(), c2())
    await checkIn('13800138001')
    const mine = await world.asUser(c1()).rotation.mine({ projectId: project.id })
    expect(mine).toMatchObject({
      signedIn: true,
      status: 'receiving',
      position: 2,
      queueLength: 2,
      tally: { received: 1 },
    })
    expect(mine.receptions).toEqual([
      expect.objectContaining({
        reason: 'rotation',
        visitor: expect.objectContaining({ phone: '138****8001' }),
      }),
    ])
  })
})

describe('a manager’s overrides', () => {
  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a reason of spaces', { reason: '   ' }],
  ])('refuses an override with %s: BAD_REQUEST naming the reason, nothing written', async (_case, patch) => {
    await signIn(c1(), c2())
    const events = eventCount()
    const error = await failureOf(
      override({ action: 'move', consultantId: c2().id, toPosition: 1, ...patch }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('请写明原因：每次调整都要留下理由。')
    expect(eventCount()).toBe(events)
    expect(await order()).toEqual([c1().id, c2().id])
  })

  it('missedTurn and undo without a reason are refused the same way', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    for (const call of [
      () =>
        asManager().rotation.missedTurn({
          projectId: project.id,
          receptionId: visit.receptionId!,
          reason: ' ',
        }),
      () => asManager().rotation.undo({ projectId: project.id, receptionId: visit.receptionId!, reason: '' }),
    ]) {
      expect((await failureOf(call))?.code).toBe('BAD_REQUEST')
    }
    expect((await board()).receiving).toEqual([expect.objectContaining({ consultantId: c1().id })])
  })

  it('move puts a consultant at the position asked', async () => {
    await signIn(c1(), c2(), c3())
    await override({ action: 'move', consultantId: c3().id, toPosition: 1, reason: '王芳今天值班' })
    expect(await order()).toEqual([c3().id, c1().id, c2().id])
    expect((await checkIn('13800138001')).consultant?.id).toBe(c3().id)
    const events = await asManager().reception.events({ projectId: project.id, date: '2026-03-02' })
    expect(events.find((e) => e.type === 'move')).toMatchObject({
      reason: '王芳今天值班',
      consultantName: '王芳',
      actor: { name: '吴敏' },
    })
  })

  it('move without a position is refused naming toPosition', async () => {
    await signIn(c1(), c2())
    const error = await failureOf(override({ action: 'move', consultantId: c2().id, reason: '调整' }))
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toContain('目标位置')
  })

  it('reassign hands the visitor to a free consultant and keeps the first reception on record', async () => {
    await signIn(c1(), c2(), c3())
    const visit = await checkIn('13800138001')
    tick()
    await override({
      action: 'reassign',
      consultantId: c3().id,
      receptionId: visit.receptionId,
      reason: '客户要求换人',
    })
    const b = await board()
    const moved = b.receiving.find((r) => r.consultantId === c3().id)
    expect(b.receiving).toEqual([expect.objectContaining({ consultantId: c3().id, reason: 'override' })])
    expect(moved!.receptionId, 'the new consultant has a reception of their own').not.toBe(visit.receptionId)
    expect(b.queue.find((q) => q.consultantId === c1().id)?.status).toBe('available')
    expect(
      b.tally.find((t) => t.consultantId === c1().id),
      'the first consultant’s turn was used and stays counted',
    ).toMatchObject({ received: 1, reassigned: 1 })
    expect(b.tally.find((t) => t.consultantId === c3().id)).toMatchObject({ received: 1, reassigned: 0 })

    const log = await asManager().reception.log({ projectId: project.id, date: '2026-03-02' })
    expect(log.map((r) => [r.consultantName, r.reason, r.status])).toEqual([
      ['张伟', 'rotation', 'reassigned'],
      ['王芳', 'override', 'open'],
    ])
    expect(log[0]).toMatchObject({
      receptionId: visit.receptionId,
      statusReason: '客户要求换人',
      movedTo: { receptionId: moved!.receptionId, name: '王芳' },
    })
    expect(log[1]).toMatchObject({
      movedFrom: { receptionId: visit.receptionId, name: '张伟' },
      queueBefore: [{ name: '李娜' }, { name: '王芳' }, { name: '张伟' }],
    })

    const late = await failureOf(
      world.asUser(c1()).reception.finish({ receptionId: visit.receptionId!, result: 'invalid' }),
    )
    expect(late?.code).toBe('CONFLICT')
    expect(sentenceOf(late)).toBe('这位客户已由经理转给其他顾问接待，这次接待不需要再结束。')
    expect(
      await world
        .asUser(c3())
        .reception.finish({ receptionId: moved!.receptionId, result: 'valid', grade: 'B' }),
    ).toEqual({ ok: true })
    expect(customerOf('13800138001')?.ownerId, 'the one who finished valid owns the customer').toBe(c3().id)
  })

  it('reassign to someone who is not free is refused', async () => {
    await signIn(c1(), c2())
    const first = await checkIn('13800138001')
    await checkIn('13800138002')
    const error = await failureOf(
      override({ action: 'reassign', consultantId: c2().id, receptionId: first.receptionId, reason: '换人' }),
    )
    expect(error?.code).toBe('CONFLICT')
    expect(sentenceOf(error)).toContain('李娜')
  })

  it('grantTurn puts a consultant at the head, and their next reception says override', async () => {
    await signIn(c1(), c2(), c3())
    await override({ action: 'grantTurn', consultantId: c3().id, reason: '昨天漏分了一位' })
    expect((await board()).queue[0]).toMatchObject({ consultantId: c3().id, position: 1 })
    expect(await checkIn('13800138001')).toMatchObject({ consultant: { id: c3().id }, reason: 'override' })
    expect(await order()).toEqual([c1().id, c2().id, c3().id])
  })

  it('a missed turn passes the visitor to the next consultant and is counted on the board', async () => {
    await signIn(c1(), c2(), c3())
    const visit = await checkIn('13800138001')
    tick()
    await asManager().rotation.missedTurn({
      projectId: project.id,
      receptionId: visit.receptionId!,
      reason: '没有上前接待',
    })
    const b = await board()
    expect(b.receiving).toEqual([
      expect.objectContaining({ receptionId: visit.receptionId, consultantId: c2().id }),
    ])
    expect(b.tally.find((t) => t.consultantId === c1().id)).toMatchObject({ missed: 1, received: 0 })
    expect(b.tally.find((t) => t.consultantId === c2().id)).toMatchObject({ missed: 0, received: 1 })
    expect(b.queue.map((q) => q.consultantId)).toEqual([c3().id, c1().id, c2().id])
    const [row] = await asManager().reception.log({ projectId: project.id, date: '2026-03-02' })
    expect(row!.missedBy).toEqual([{ consultantId: c1().id, name: '张伟' }])
  })

  it('undo within two minutes voids the assignment and restores the place', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    tick(2)
    await asManager().rotation.undo({
      projectId: project.id,
      receptionId: visit.receptionId!,
      reason: '分错了',
    })
    const b = await board()
    expect(b.receiving).toEqual([])
    expect(b.queue.map((q) => [q.consultantId, q.status])).toEqual([
      [c1().id, 'available'],
      [c2().id, 'available'],
    ])
    const row = world.database.db.select().from(receptions).where(eq(receptions.id, visit.receptionId!)).get()
    expect(row?.status).toBe('voided')
  })

  it('undo after two minutes is CONFLICT, saying to reassign instead; nothing changes', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    tick(3)
    const events = eventCount()
    const error = await failureOf(
      asManager().rotation.undo({ projectId: project.id, receptionId: visit.receptionId!, reason: '分错了' }),
    )
    expect(error?.code).toBe('CONFLICT')
    expect(sentenceOf(error)).toBe('已超过 2 分钟的撤销时限，请改用“重新分配”。')
    expect(eventCount()).toBe(events)
    expect((await board()).receiving).toEqual([
      expect.objectContaining({ receptionId: visit.receptionId, consultantId: c1().id }),
    ])
  })

  it('a visitor who leaves the line is taken off the board', async () => {
    await signIn(c1())
    await checkIn('13800138001')
    const first = await checkIn('13800138002')
    const second = await checkIn('13800138003')
    await asManager().rotation.leaveLine({
      projectId: project.id,
      waitingId: first.waitingId!,
      reason: '客户先走了',
    })
    expect((await board()).waiting.map((w) => w.waitingId)).toEqual([second.waitingId])
    expect(await checkIn('13800138003')).toMatchObject({ outcome: 'waiting', waitPosition: 1 })
  })
})

describe('overdue follow-ups keep a consultant out (setting)', () => {
  /** c1 owns a grade-A customer last contacted four days ago: overdue (A is every 3 days), still protected. */
  async function overdueOffice() {
    await asManager().projects.updateSettings({
      projectId: project.id,
      settings: { rotation: { overdueFollowUpsBlock: true } },
    })
    await signIn(c1())
    const visit = await checkIn('13800138001')
    await world
      .asUser(c1())
      .reception.finish({ receptionId: visit.receptionId!, result: 'valid', grade: 'A' })
    tick(4 * 24 * 60)
    await signIn(c1(), c2())
  }

  it('skips the consultant with an overdue follow-up; a visitor waits rather than go to them', async () => {
    await overdueOffice()
    expect((await checkIn('13800138002')).consultant?.id).toBe(c2().id)
    expect(await checkIn('13800138003')).toMatchObject({ outcome: 'waiting', waitPosition: 1 })
    expect((await queue())[0]).toEqual(['张伟', 'available', 1])
  })

  it('passes a missed turn over the consultant kept out, to the next one free', async () => {
    await overdueOffice()
    await signIn(c3())
    const visit = await checkIn('13800138002')
    expect(visit.consultant?.id).toBe(c2().id)
    tick()
    await asManager().rotation.missedTurn({
      projectId: project.id,
      receptionId: visit.receptionId!,
      reason: '没有上前接待',
    })
    const b = await board()
    expect(b.receiving.map((r) => r.consultantId)).toEqual([c3().id])
    expect(b.queue.find((q) => q.consultantId === c1().id)?.status).toBe('available')
  })

  it('refuses to pass a missed turn when everyone else free is kept out, changing nothing', async () => {
    await overdueOffice()
    const visit = await checkIn('13800138002')
    tick()
    const refused = await failureOf(
      asManager().rotation.missedTurn({
        projectId: project.id,
        receptionId: visit.receptionId!,
        reason: '没有上前接待',
      }),
    )
    expect(refused?.code).toBe('CONFLICT')
    expect((await board()).receiving.map((r) => r.consultantId)).toEqual([c2().id])
  })

  it('a freed consultant kept out does not take the waiting line; once their follow-up is logged, they do', async () => {
    await overdueOffice()
    await checkIn('13800138002') // c2
    const waiting = await checkIn('13800138003')
    expect(waiting.outcome).toBe('waiting')
    await asManager().projects.updateSettings({
      projectId: project.id,
      settings: { rotation: { undoWindowMinutes: 3 } },
    })
    expect((await board()).waiting.map((w) => w.waitingId)).toEqual([waiting.waitingId])
    const [overdue] = (
      await world.asUser(c1()).customers.list({ projectId: project.id, scope: 'mine', overdue: true })
    ).items
    await world.asUser(c1()).customers.followUp({
      customerId: overdue!.id,
      method: 'call',
      happenedAt: now().toISOString(),
      note: '电话回访，约了周末',
    })
    const b = await board()
    expect(b.waiting).toEqual([])
    expect(b.receiving.map((r) => r.consultantId).sort()).toEqual([c1().id, c2().id].sort())
    const log = await asManager().reception.log({
      projectId: project.id,
      date: localDate(now(), 'Asia/Shanghai'),
    })
    expect(log.at(-1)).toMatchObject({ consultantId: c1().id, reason: 'waiting' })
  })

  it('a freed consultant takes the waiting line as soon as the project stops keeping anyone out', async () => {
    await overdueOffice()
    await checkIn('13800138002')
    await checkIn('13800138003')
    await asManager().projects.updateSettings({
      projectId: project.id,
      settings: { rotation: { overdueFollowUpsBlock: false } },
    })
    const b = await board()
    expect(b.waiting).toEqual([])
    expect(b.receiving.map((r) => r.consultantId)).toContain(c1().id)
  })
})

describe('the board', () => {
  it('shows the queue, the waiting line oldest first and who is receiving, for every reader of the project', async () => {
    await signIn(c1(), c2())
    const first = await checkIn('13800138001')
    tick()
    await checkIn('13800138002')
    tick()
    const w1 = await checkIn('13800138003')
    tick()
    const w2 = await checkIn('13800138004')
    const boardDevice = world.createDevice({ projectId: project.id, kind: 'board' })
    const seen = await world.asDevice(boardDevice).rotation.board({ projectId: project.id })
    expect(seen.queue).toEqual([
      expect.objectContaining({ consultantId: c1().id, name: '张伟', status: 'receiving', position: 1 }),
      expect.objectContaining({ consultantId: c2().id, name: '李娜', status: 'receiving', position: 2 }),
    ])
    expect(seen.waiting).toEqual([
      expect.objectContaining({
        waitingId: w1.waitingId,
        partySize: 1,
        since: new Date(TEST_START.getTime() + 2 * 60_000).toISOString(),
      }),
      expect.objectContaining({ waitingId: w2.waitingId, partySize: 1 }),
    ])
    expect(seen.receiving).toContainEqual(
      expect.objectContaining({
        receptionId: first.receptionId,
        consultantId: c1().id,
        since: TEST_START.toISOString(),
      }),
    )
    expect(JSON.stringify(seen), 'the wall display shows no phone number').not.toMatch(/1380013800\d/)
    expect(await world.asDevice(kiosk).rotation.board({ projectId: project.id })).toEqual(seen)
    expect(await world.asUser(c2()).rotation.board({ projectId: project.id })).toEqual(seen)
  })

  it('belongs to the project-local day: it carries over UTC midnight and starts afresh at Shanghai midnight', async () => {
    world.setNow(new Date('2026-03-02T15:50:00.000Z')) // 23:50 in Shanghai
    await signIn(c1(), c2())
    expect((await board()).date).toBe('2026-03-02')
    world.setNow(new Date('2026-03-02T16:01:00.000Z')) // 00:01 the next day in Shanghai
    expect(await board()).toMatchObject({ date: '2026-03-03', queue: [] })
    await signIn(c2())
    world.setNow(new Date('2026-03-03T00:01:00.000Z')) // UTC midnight passed, 08:01 in Shanghai
    expect((await board()).queue.map((q) => q.consultantId)).toEqual([c2().id])
  })
})

describe('many kiosks at once', () => {
  it('30 check-ins at the same instant with 3 consultants: 3 received, 27 waiting in distinct places 1..27', async () => {
    await signIn(c1(), c2(), c3())
    const phones = Array.from({ length: 30 }, (_, i) => `1390000${String(i).padStart(4, '0')}`)
    const outcomes = await Promise.all(phones.map((phone) => checkIn(phone)))

    const assigned = outcomes.filter((o) => o.outcome === 'assigned')
    const waiting = outcomes.filter((o) => o.outcome === 'waiting')
    expect(assigned).toHaveLength(3)
    expect(new Set(assigned.map((o) => o.consultant!.id))).toEqual(new Set([c1().id, c2().id, c3().id]))
    expect(waiting.map((o) => o.waitPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 27 }, (_, i) => i + 1),
    )
    expect(new Set(waiting.map((o) => o.waitingId)).size).toBe(27)

    const open = world.database.db
      .select({ consultantId: receptions.consultantId, n: sql<number>`count(*)` })
      .from(receptions)
      .where(eq(receptions.status, 'open'))
      .groupBy(receptions.consultantId)
      .all()
    expect(open.map((o) => o.n)).toEqual([1, 1, 1])
    expect(world.rowCount('check_ins')).toBe(30)
    expect(
      world.database.sqlite
        .prepare("SELECT count(*) AS n FROM check_ins WHERE waiting_status = 'waiting'")
        .get(),
    ).toEqual({ n: 27 })
    expect((await board()).waiting).toHaveLength(27)
  })

  it('the same number from two kiosks at once is one visitor', async () => {
    await signIn(c1(), c2())
    const other = world.createDevice({ projectId: project.id, kind: 'kiosk' })
    const [a, b] = await Promise.all([
      checkIn('13800138001'),
      world.asDevice(other).kiosk.checkIn({ phone: '138 0013 8001' }),
    ])
    expect(a).toEqual(b)
    expect((await board()).receiving).toHaveLength(1)
  })

  it('a double tap on finish: one finish counts, the other is refused as already finished', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    const finishing = () =>
      world.asUser(c1()).reception.finish({ receptionId: visit.receptionId!, result: 'invalid' })
    const outcomes = await Promise.all([failureOf(finishing()), failureOf(finishing())])
    expect(outcomes.map((e) => e?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK'])
    expect((await board()).tally.find((t) => t.consultantId === c1().id)).toMatchObject({
      received: 1,
      invalid: 1,
    })
  })
})

describe('the day survives', () => {
  it('a fresh hub replaying the day’s log draws the same board as the live one', async () => {
    await playADay()
    const live = await board()
    const replayed = new RotationHub(world.database.db, createLogger('silent'), now).board(project.id, now())
    expect(replayed).toEqual(live)
  })

  async function playADay() {
    await signIn(c1(), c2(), c3())
    const a = await checkIn('13800138001')
    tick()
    const b = await checkIn('13800138002')
    tick()
    await world.asUser(c1()).reception.finish({ receptionId: a.receptionId!, result: 'invalid' })
    tick()
    await world.asUser(c3()).rotation.setBreak({ projectId: project.id, onBreak: true, reason: 'private' })
    await checkIn('13800138003')
    await checkIn('13800138004')
    tick()
    await world.asUser(c2()).reception.finish({ receptionId: b.receptionId!, result: 'valid', grade: 'A' })
    await override({ action: 'grantTurn', consultantId: c3().id, reason: '补' })
    await checkIn('13800138005')
  }
})

describe('restart survival', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anchang-rotation-'))
    file = join(dir, 'anchang.db')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('closing and reopening the database brings back the same board', async () => {
    const live = await createTestOffice({ database: openDatabase(file) })
    const kioskCaller = live.world.asDevice(live.kiosk)
    for (const pin of ['1001', '1002', '1003']) await kioskCaller.rotation.signIn({ pin })
    const visits = []
    for (let i = 0; i < 6; i++) {
      live.tick()
      visits.push(await live.checkIn(`1370000000${i}`))
    }
    live.tick(5)
    const [first, second] = live.team
    await live.world
      .asUser(first!)
      .reception.finish({ receptionId: visits[0]!.receptionId!, result: 'invalid' })
    await live.world
      .asUser(second!)
      .reception.finish({ receptionId: visits[1]!.receptionId!, result: 'valid', grade: 'B' })
    const before = await live.board()
    expect(before.receiving).toHaveLength(3)
    expect(before.waiting).toHaveLength(1)
    live.world.close()

    // A server process started over the same file: its own deps, hub and callers, on the live clock.
    const restarted = createTestWorld({ database: openDatabase(file) })
    restarted.setNow(live.now())
    try {
      const after = await restarted.asUser(live.manager).rotation.board({ projectId: live.project.id })
      expect(after).toEqual(before)
      // The restarted office carries on from where it was: the waiting visitor is next for whoever frees up.
      const receiving = after.receiving.find((r) => r.consultantId === first!.id)!
      await restarted
        .asUser(first!)
        .reception.finish({ receptionId: receiving.receptionId, result: 'valid', grade: 'C' })
      const carried = await restarted.asUser(live.manager).rotation.board({ projectId: live.project.id })
      expect(carried.waiting).toEqual([])
      expect(
        restarted.database.db
          .select()
          .from(receptions)
          .where(and(eq(receptions.consultantId, first!.id), eq(receptions.status, 'open')))
          .all(),
      ).toEqual([expect.objectContaining({ reason: 'waiting' })])
    } finally {
      restarted.close()
    }
  })
})

describe('signing someone else out', () => {
  const signOutByManager = (who: TestUser, reason = '身体不适，提前下班') =>
    asManager().rotation.signOutConsultant({ projectId: project.id, consultantId: who.id, reason })

  it('a manager signs a free consultant out with a reason; the log keeps it and nobody is sent to them', async () => {
    await signIn(c1(), c2())
    await signOutByManager(c1())
    expect(await order()).toEqual([c2().id])
    const events = await asManager().reception.events({ projectId: project.id, date: '2026-03-02' })
    expect(events.at(-1)).toMatchObject({
      type: 'signOut',
      consultantName: '张伟',
      reason: '身体不适，提前下班',
      actor: { name: '吴敏' },
    })
    expect(await checkIn('13800138001')).toMatchObject({ consultant: { id: c2().id } })
  })

  it('an empty reason is refused and changes nothing', async () => {
    await signIn(c1())
    const before = eventCount()
    const error = await failureOf(signOutByManager(c1(), '  '))
    expect(error?.code).toBe('BAD_REQUEST')
    expect(eventCount()).toBe(before)
    expect(await order()).toEqual([c1().id])
  })

  it('signing out someone mid-reception leaves the visitor for a manager to reassign, and tells the managers', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001', { surname: '王', title: '先生' })
    tick()
    await signOutByManager(c1(), '家中急事')
    const b = await board()
    expect(b.queue.map((q) => q.consultantId)).toEqual([c2().id])
    expect(b.receiving, 'the visitor is still being looked after, by nobody on duty').toEqual([
      expect.objectContaining({ receptionId: visit.receptionId, consultantId: c1().id }),
    ])
    const told = world.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, manager.id))
      .all()
    expect(told.map((n) => n.payload)).toEqual([
      expect.objectContaining({
        type: 'needs_reassign',
        receptionId: visit.receptionId,
        consultant: { id: c1().id, name: '张伟' },
        reason: '家中急事',
        visitor: expect.objectContaining({ name: '王先生' }),
      }),
    ])
    tick()
    await override({
      action: 'reassign',
      consultantId: c2().id,
      receptionId: visit.receptionId,
      reason: '张伟已下班',
    })
    expect((await board()).receiving).toEqual([
      expect.objectContaining({ consultantId: c2().id, reason: 'override' }),
    ])
  })

  it('a consultant’s own sign-out while receiving is still refused', async () => {
    await signIn(c1())
    await checkIn('13800138001')
    const error = await failureOf(world.asUser(c1()).rotation.signOut({ projectId: project.id }))
    expect(error?.code).toBe('CONFLICT')
  })

  it('deactivating a consultant signs them out of the rotation: no visitor is given to them again', async () => {
    await signIn(c1(), c2())
    const visit = await checkIn('13800138001')
    tick()
    await asManager().staff.setActive({ userId: c1().id, active: false, reason: '离职' })
    expect(await order()).toEqual([c2().id])
    for (let i = 2; i < 6; i++) {
      tick()
      const outcome = await checkIn(`1380013800${i}`)
      expect(outcome.consultant?.id ?? null, 'never the deactivated consultant').not.toBe(c1().id)
    }
    const events = await asManager().reception.events({ projectId: project.id, date: '2026-03-02' })
    expect(events.find((e) => e.type === 'signOut')).toMatchObject({ consultantName: '张伟', reason: '离职' })
    const told = world.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, manager.id))
      .all()
    expect(told.map((n) => n.type)).toEqual(['needs_reassign'])
    expect(told[0]!.payload).toMatchObject({ receptionId: visit.receptionId })
  })
})
