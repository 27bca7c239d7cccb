import { afterEach, describe, expect, it } from 'vitest'
import { CONSENT_VERSION } from '@anchang/shared'
import { failureOf, sentenceOf } from '../../authz-matrix'
import { createTestOffice, type TestOffice } from '../../testing'

const YUAN = 100
let office: TestOffice | undefined
afterEach(() => office?.world.close())

/** The office with a director, an assistant and a building of two flats. */
async function openOffice() {
  const o = (office = await createTestOffice())
  const { world, project, manager } = o
  const director = await world.createUser({ role: 'director', projectIds: [project.id], name: '周总' })
  const assistant = await world.createUser({ role: 'assistant', projectIds: [project.id], name: '孙助理' })
  await world.asUser(manager).units.import({
    projectId: project.id,
    units: ['101', '102'].map((room) => ({
      building: '1栋',
      entrance: '1单元',
      floor: 1,
      room,
      layout: '两室',
      areaM2: 90,
      listPriceFen: 2_000_000 * YUAN,
    })),
  })
  const grid = await world.asUser(manager).units.grid({ projectId: project.id })
  const unit = (room: string) => grid.find((u) => u.room === room)!.unitId
  return { ...o, director, assistant, unit }
}

type Office = Awaited<ReturnType<typeof openOffice>>

async function signedDeal(o: Office, customerId: string, paymentMethod: 'full' | 'mortgage' = 'mortgage') {
  const [c1] = o.team
  const { dealId } = await o.world.asUser(c1!).deals.subscribe({
    unitId: o.unit('101'),
    customerId,
    paymentMethod,
    priceFen: 2_000_000 * YUAN,
    depositFen: 50_000 * YUAN,
    signBy: '2026-03-09',
  })
  await o.world.asUser(c1!).deals.sign({
    dealId,
    contractNo: 'HT-1',
    schedule: [
      { dueOn: '2026-03-02', amountFen: 600_000 * YUAN },
      { dueOn: '2026-04-30', amountFen: 1_400_000 * YUAN },
    ],
  })
  return dealId
}

/** 张伟 receives a first visit (grade A); he steps out and 李娜 receives the customer's return for him. */
async function onBehalfCustomer(o: Office) {
  const [c1, c2] = o.team as [(typeof o.team)[0], (typeof o.team)[0]]
  await o.signIn(c1, c2)
  const first = await o.checkIn('13800138001')
  o.tick()
  await o.world.asUser(c1).reception.finish({ receptionId: first.receptionId!, result: 'valid', grade: 'A' })
  o.tick()
  await o.world.asUser(c1).rotation.signOut({ projectId: o.project.id })
  const again = await o.world
    .asDevice(o.kiosk)
    .kiosk.checkIn({ phone: '13800138001', consentVersion: CONSENT_VERSION })
  expect(again).toMatchObject({ reason: 'on_behalf', consultant: { id: c2.id } })
  o.tick()
  await o.world.asUser(c2).reception.finish({ receptionId: again.receptionId!, result: 'valid', grade: 'A' })
  o.tick()
  const [customer] = await o.world
    .asUser(c1)
    .customers.list({ projectId: o.project.id, scope: 'mine' })
    .then((p) => p.items)
  return customer!.id
}

describe('credit for a sale', () => {
  it('shares a sale from a stand-in’s duty reception by the project’s on-behalf share', async () => {
    const o = await openOffice()
    const customerId = await onBehalfCustomer(o)
    const dealId = await signedDeal(o, customerId)
    const deal = await o.world.asUser(o.manager).deals.get({ dealId })
    expect(deal.credit).toEqual([
      { consultantId: o.team[0]!.id, percent: 50, name: '张伟' },
      { consultantId: o.team[1]!.id, percent: 50, name: '李娜' },
    ])
    const progress = await o.world
      .asUser(o.director)
      .targets.progress({ projectId: o.project.id, month: '2026-03' })
    expect(progress.project.actual).toMatchObject({
      visits: 2,
      subscriptions: 1,
      signings: 1,
      signingFen: 2_000_000 * YUAN,
    })
    const mine = progress.consultants.find((c) => c.name === '李娜')!
    expect(mine.actual).toMatchObject({
      visits: 1,
      subscriptions: 0.5,
      signings: 0.5,
      signingFen: 1_000_000 * YUAN,
    })
  })
})

describe('targets', () => {
  it('sets a month’s targets for the project and a consultant, and counts net signings and collection', async () => {
    const o = await openOffice()
    const customerId = await onBehalfCustomer(o)
    const d = o.world.asUser(o.director)
    const target = {
      visits: 200,
      subscriptions: 10,
      signings: 8,
      signingFen: 16_000_000 * YUAN,
      collectionFen: 9_000_000 * YUAN,
    }
    await d.targets.set({ projectId: o.project.id, month: '2026-03', ...target })
    await d.targets.set({
      projectId: o.project.id,
      month: '2026-03',
      consultantId: o.team[0]!.id,
      ...target,
      visits: 40,
    })
    const notConsultant = await failureOf(
      d.targets.set({ projectId: o.project.id, month: '2026-03', consultantId: o.manager.id, ...target }),
    )
    expect(sentenceOf(notConsultant)).toBe('只能为本项目的置业顾问设置个人指标。')
    const badMonth = await failureOf(d.targets.set({ projectId: o.project.id, month: '2026-13', ...target }))
    expect(sentenceOf(badMonth)).toBe('月份应为 YYYY-MM 格式的月份，例如 2026-03。')
    const dealId = await signedDeal(o, customerId)
    await o.world.asUser(o.assistant).payments.record({
      dealId,
      amountFen: 600_000 * YUAN,
      method: 'transfer',
      paidOn: '2026-03-02',
      kind: 'down_payment',
    })
    const { changeId } = await o.world
      .asUser(o.team[0]!)
      .deals.requestChange({ dealId, kind: 'cancel', reason: '退房' })
    await d.deals.decideChange({ changeId, approve: true })
    const progress = await d.targets.progress({ projectId: o.project.id, month: '2026-03' })
    expect(progress.project.target).toEqual(target)
    // Signed and cancelled in the month: no net signing; the money came in and went back.
    expect(progress.project.actual).toMatchObject({
      subscriptions: 1,
      signings: 0,
      signingFen: 0,
      collectionFen: 0,
    })
    expect(progress.consultants.find((c) => c.name === '张伟')?.target?.visits).toBe(40)
  })
})

describe('paperwork', () => {
  it('records the loan steps in order, with who holds the papers, and lists the overdue', async () => {
    const o = await openOffice()
    const customerId = await onBehalfCustomer(o)
    const dealId = await signedDeal(o, customerId)
    const a = o.world.asUser(o.assistant)
    const skip = await failureOf(a.paperwork.update({ dealId, step: 'loanSubmitted', doneOn: '2026-03-02' }))
    expect(sentenceOf(skip)).toBe('请先办完「按揭资料收齐」，再登记「资料已报银行」。')
    await a.paperwork.update({ dealId, step: 'loanDocs', doneOn: '2026-03-02', holder: '孙助理' })
    const future = await failureOf(
      a.paperwork.update({ dealId, step: 'loanSubmitted', doneOn: '2026-03-05' }),
    )
    expect(future?.code).toBe('BAD_REQUEST')
    // Signed three weeks ago (as entered): the bank submission was due a week ago.
    o.world.database.sqlite.prepare("update deals set signed_on = '2026-02-10' where id = ?").run(dealId)
    const overdue = await a.paperwork.list({ projectId: o.project.id })
    expect(overdue).toHaveLength(1)
    expect(overdue[0]!.steps.filter((s) => s.overdue).map((s) => s.step)).toEqual(['loanSubmitted'])
    expect(overdue[0]!.steps[0]).toMatchObject({ step: 'loanDocs', doneOn: '2026-03-02', holder: '孙助理' })
    await a.paperwork.update({ dealId, step: 'loanSubmitted', doneOn: '2026-03-02', holder: '建设银行' })
    const back = await failureOf(a.paperwork.update({ dealId, step: 'loanDocs', doneOn: null }))
    expect(back?.code).toBe('CONFLICT')
    expect(await a.paperwork.list({ projectId: o.project.id })).toEqual([])
    expect((await a.deals.get({ dealId })).paperwork.map((s) => s.doneOn)).toEqual([
      '2026-03-02',
      '2026-03-02',
      null,
      null,
      null,
      null,
    ])
  })
})
