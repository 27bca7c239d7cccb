import { afterEach, describe, expect, it } from 'vitest'
import { createTestOffice, type TestOffice } from '../../testing'

let office: TestOffice | undefined
afterEach(() => office?.world.close())

const YUAN = 100
const WAN = 10_000 * YUAN

/**
 * Two days of a small office, every figure worked out by hand beside it.
 *
 * Monday 2 March: 张伟 receives A (2 people) and A again (3 people), 李娜 receives B (1 person); a call at
 * the desk. A subscribes and signs 101 (100 m², 200 万) and 102 (90 m², 180 万); B subscribes the
 * parking space P1 (12.5 m², 15 万). 5 万 deposit and 100 万 of loan come in on 101.
 * Tuesday 3 March: the director approves cancelling 101 (signed: its 105 万 refunded), forfeiting P1
 * (subscribed, nothing paid) and moving 102's buyer to 201 (120 m², 240 万).
 */
async function twoDays() {
  const o = (office = await createTestOffice())
  const { world, project, manager, team } = o
  const [c1, c2] = team as [(typeof team)[0], (typeof team)[0]]
  const director = await world.createUser({ role: 'director', projectIds: [project.id], name: '周总' })
  const m = world.asUser(manager)
  await o.signIn(c1, c2)
  const a = await o.checkIn('13800138001', { channel: '网络', partySize: 2 })
  o.tick()
  const b = await o.checkIn('13800138002', { channel: '自然来访', partySize: 1 })
  o.tick()
  await world.asUser(c1).reception.finish({ receptionId: a.receptionId!, result: 'valid', grade: 'A' })
  await world.asUser(c2).reception.finish({ receptionId: b.receptionId!, result: 'valid', grade: 'B' })
  o.tick()
  await o.checkIn('13800138001', { channel: '网络', partySize: 3 })
  o.tick()
  await m.reception.startCall({ projectId: project.id, phone: '13800138003' })
  const unit = (building: string, room: string, areaM2: number, wan: number, product = 'residential') => ({
    building,
    entrance: '1单元',
    floor: 1,
    room,
    layout: '—',
    areaM2,
    listPriceFen: wan * WAN,
    product: product as 'residential',
  })
  await m.units.import({
    projectId: project.id,
    units: [
      unit('1栋', '101', 100, 200),
      unit('1栋', '102', 90, 180),
      unit('1栋', '201', 120, 240),
      unit('车库', 'P1', 12.5, 15, 'parking'),
      unit('商业', 'S1', 50, 100, 'commercial'),
    ],
  })
  const grid = await m.units.grid({ projectId: project.id })
  const unitId = (room: string) => grid.find((u) => u.room === room)!.unitId
  const customerOf = async (who: typeof c1) =>
    (await world.asUser(who).customers.list({ projectId: project.id, scope: 'mine' })).items[0]!.id
  const customerA = await customerOf(c1)
  const customerB = await customerOf(c2)
  const sell = async (who: typeof c1, customerId: string, room: string, wan: number, sign: boolean) => {
    const { dealId } = await world.asUser(who).deals.subscribe({
      unitId: unitId(room),
      customerId,
      paymentMethod: 'mortgage',
      priceFen: wan * WAN,
      depositFen: room === 'P1' ? 0 : 5 * WAN,
      signBy: '2026-03-09',
    })
    if (sign)
      await world.asUser(who).deals.sign({
        dealId,
        contractNo: `HT-${room}`,
        schedule: [{ dueOn: '2026-03-02', amountFen: wan * WAN }],
      })
    return dealId
  }
  const d101 = await sell(c1, customerA, '101', 200, true)
  const d102 = await sell(c1, customerA, '102', 180, true)
  const dP1 = await sell(c2, customerB, 'P1', 15, false)
  await m.payments.record({
    dealId: d101,
    amountFen: 5 * WAN,
    method: 'card',
    paidOn: '2026-03-02',
    kind: 'deposit',
  })
  await m.payments.record({
    dealId: d101,
    amountFen: 100 * WAN,
    method: 'transfer',
    paidOn: '2026-03-02',
    kind: 'loan',
  })
  await world.asUser(director).targets.set({
    projectId: project.id,
    month: '2026-03',
    visits: 100,
    subscriptions: 10,
    signings: 10,
    signingFen: 2_000 * WAN,
    collectionFen: 1_000 * WAN,
  })
  await world.asUser(director).targets.set({
    projectId: project.id,
    month: '2026-04',
    visits: 100,
    subscriptions: 10,
    signings: 10,
    signingFen: 2_000 * WAN,
    collectionFen: 1_000 * WAN,
  })
  const monday = await m.reports.sheet({ projectId: project.id, date: '2026-03-02' })

  // Overnight: the evening's last call keeps the sessions alive (12 hours idle) into Tuesday 08:00.
  world.setNow(new Date('2026-03-02T13:00:00Z'))
  await m.reports.sheet({ projectId: project.id, date: '2026-03-02' })
  await world.asUser(director).targets.progress({ projectId: project.id, month: '2026-03' })
  world.setNow(new Date('2026-03-03T00:00:00Z'))
  const decide = async (
    request: Parameters<ReturnType<typeof world.asUser>['deals']['requestChange']>[0],
  ) => {
    const { changeId } = await m.deals.requestChange(request)
    await world.asUser(director).deals.decideChange({ changeId, approve: true })
  }
  await decide({ dealId: d101, kind: 'cancel', reason: '客户资金不足' })
  await decide({ dealId: dP1, kind: 'forfeit', reason: '逾期未签约' })
  await decide({
    dealId: d102,
    kind: 'changeUnit',
    reason: '客户换大户型',
    unitId: unitId('201'),
    priceFen: 240 * WAN,
  })
  const tuesday = await m.reports.sheet({ projectId: project.id, date: '2026-03-03' })
  return { o, m, director, monday, tuesday, project, liveDealId: d102 }
}

describe('reports.sheet', () => {
  it('counts Monday by the default definitions: traffic, deals per product, collection, targets, stock', async () => {
    const { monday } = await twoDays()
    const day = monday.periods.day
    expect(day.traffic).toEqual({
      calls: 1,
      first: { parties: 2, persons: 3 },
      returning: { parties: 1, persons: 3 },
      visitingCustomers: 2,
      visits: 3,
    })
    expect(day.subscriptions.residential).toEqual({ count: 2, areaCentiM2: 19_000, amountFen: 380 * WAN })
    expect(day.subscriptions.parking).toEqual({ count: 1, areaCentiM2: 1_250, amountFen: 15 * WAN })
    expect(day.subscriptions.commercial).toEqual({ count: 0, areaCentiM2: 0, amountFen: 0 })
    expect(day.subscriptions.total.count).toBe(3)
    expect(day.signings.total).toEqual({ count: 2, areaCentiM2: 19_000, amountFen: 380 * WAN })
    expect(day.netSignings.total).toEqual(day.signings.total)
    expect(day.cancellations.signings.total.count).toBe(0)
    expect(day.collection).toEqual({
      loanFen: 100 * WAN,
      otherFen: 5 * WAN,
      refundFen: 0,
      newDealsFen: 105 * WAN,
      inFen: 105 * WAN,
      earlierDealsFen: 0,
      netFen: 105 * WAN,
    })
    // A and B visited, both subscribed, only A signed; 3 visits over 1 call.
    expect(day.rates).toEqual({ conversion: 1, visitToSigning: 0.5, callToVisit: 3 })
    // The month's target, and the year's as its months' sum (March and April).
    expect(monday.targets.month).toMatchObject({
      target: { signings: 10 },
      actual: { visits: 3, subscriptions: 3, signings: 2, signingFen: 380 * WAN, collectionFen: 105 * WAN },
      completion: { signings: 0.2, signingFen: 0.19, collectionFen: 0.105, visits: 0.03 },
    })
    expect(monday.targets.year).toMatchObject({ target: { signings: 20 }, completion: { signings: 0.1 } })
    // The day's deals: a row per subscription and per signing.
    expect(monday.deals.map((d) => `${d.event} ${d.unit}`)).toEqual([
      'subscription 1栋-1单元-101',
      'signing 1栋-1单元-101',
      'subscription 1栋-1单元-102',
      'signing 1栋-1单元-102',
      'subscription 车库-1单元-P1',
    ])
    expect(monday.deals[0]).toMatchObject({
      consultantName: '张伟',
      areaCentiM2: 10_000,
      priceFen: 200 * WAN,
      unitPriceFen: 20_000 * YUAN,
      paymentMethod: 'mortgage',
    })
    // 101 and 102 signed, P1 subscribed: 201 and S1 are left, 2 of 5 units sold.
    expect(monday.stock.units).toBe(5)
    expect(monday.stock.remaining.residential).toEqual({
      count: 1,
      areaCentiM2: 12_000,
      amountFen: 240 * WAN,
    })
    expect(monday.stock.remaining.commercial.count).toBe(1)
    expect(monday.stock.sellThrough).toBe(0.4)
    expect(monday.formulas.visits).toContain('首访组数 + 复访组数')
    expect(monday.definitions).toEqual({
      visitCount: 'all',
      visitUnit: 'party',
      conversion: 'customers',
      sellThrough: 'soldOfAll',
      dailyDeadline: { nextDay: false, time: '20:00' },
    })
  })

  it('counts Tuesday’s cancellations apart, nets signings and collection, and moves a change of unit’s area and amount', async () => {
    const { tuesday, monday } = await twoDays()
    const day = tuesday.periods.day
    expect(day.signings.total.count).toBe(0)
    expect(day.cancellations.signings.residential).toEqual({
      count: 1,
      areaCentiM2: 10_000,
      amountFen: 200 * WAN,
    })
    expect(day.cancellations.subscriptions.parking).toEqual({
      count: 1,
      areaCentiM2: 1_250,
      amountFen: 15 * WAN,
    })
    // −101 (100 m², 200 万); 102 → 201 moves +30 m² and +60 万 without a count.
    expect(day.netSignings.residential).toEqual({ count: -1, areaCentiM2: -7_000, amountFen: -140 * WAN })
    // 101's 105 万 refunded.
    expect(day.collection).toMatchObject({ inFen: 0, refundFen: 105 * WAN, netFen: -105 * WAN })
    // The week (Monday and Tuesday): signed 101 and 102 (now on 201), 101 cancelled: 1 net, on 201.
    expect(tuesday.periods.week.netSignings.residential).toEqual({
      count: 1,
      areaCentiM2: 12_000,
      amountFen: 240 * WAN,
    })
    expect(tuesday.periods.week.collection.netFen).toBe(0)
    expect(tuesday.periods.week.traffic.visits).toBe(3)
    // The stock at Tuesday's end: only 201 signed; Monday's report still shows Monday's stock.
    expect(tuesday.stock.sellThrough).toBe(0.2)
    expect(tuesday.stock.remaining.total.count).toBe(4)
    expect(tuesday.deals).toEqual([])
    expect(monday.stock.sellThrough).toBe(0.4)
  })

  it('counts by the project’s other definitions and prints their formulas', async () => {
    const { m, project } = await twoDays()
    await m.projects.updateSettings({
      projectId: project.id,
      settings: {
        reports: {
          visitCount: 'first',
          visitUnit: 'person',
          conversion: 'personVisits',
          sellThrough: 'dealtOfAll',
        },
      },
    })
    const monday = await m.reports.sheet({ projectId: project.id, date: '2026-03-02' })
    // First-visit persons: A's 2 and B's 1. Subscriptions 3 over 6 person-visits.
    expect(monday.periods.day.traffic.visits).toBe(3)
    expect(monday.periods.day.rates.conversion).toBe(0.5)
    expect(monday.targets.month?.actual.visits).toBe(3)
    // The stock as it stands at the end of Monday (the report is of Monday, whatever happened since).
    const tuesday = await m.reports.sheet({ projectId: project.id, date: '2026-03-03' })
    expect(tuesday.stock.sellThrough).toBe(0.2) // 201 signed, nothing subscribed
    expect(monday.formulas.visits).toContain('首访人次')
    expect(monday.formulas.conversion).toBe('来访认购率 = 认购套数 ÷ 来访人次')
    expect(monday.formulas.sellThrough).toContain('已认购 + 已签约')
  })

  it('starts 累计 at the earliest business on the books, when that is before the project was created here', async () => {
    const { m, monday, project, liveDealId } = await twoDays()
    expect(monday.periods.total.from).toBe('2026-03-02')
    // A receipt from the paper days, entered now: the total reaches back to it.
    await m.payments.record({
      dealId: liveDealId,
      amountFen: 1 * WAN,
      method: 'cash',
      paidOn: '2026-02-26',
      kind: 'deposit',
    })
    const again = await m.reports.sheet({ projectId: project.id, date: '2026-03-03' })
    expect(again.periods.total.from).toBe('2026-02-26')
    expect(again.periods.total.collection.inFen).toBe(106 * WAN)
  })

  it('shows an assistant the sheet and refuses a consultant, with a sentence', async () => {
    const o = (office = await createTestOffice())
    const assistant = await o.world.createUser({
      role: 'assistant',
      projectIds: [o.project.id],
      name: '孙助理',
    })
    const sheet = await o.world
      .asUser(assistant)
      .reports.sheet({ projectId: o.project.id, date: '2026-03-02' })
    expect(sheet.periods.total.traffic.visits).toBe(0)
    await expect(
      o.world.asUser(o.team[0]!).reports.sheet({ projectId: o.project.id, date: '2026-03-02' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      o.world.asUser(o.manager).reports.sheet({ projectId: o.project.id, date: '2026-02-30' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
