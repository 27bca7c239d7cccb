import { afterEach, describe, expect, it } from 'vitest'
import { createTestOffice, type TestOffice } from '../../testing'

let office: TestOffice | undefined
afterEach(() => office?.world.close())

describe('reports.daily', () => {
  it('counts a hand-made day: visits first and returning per channel, calls, receptions, deals, collection', async () => {
    const o = (office = await createTestOffice())
    const { world, project, manager, team } = o
    const [c1, c2] = team as [(typeof team)[0], (typeof team)[0]]
    const m = world.asUser(manager)
    await o.signIn(c1, c2)
    // 10:00 a first visit (c1), 10:01 another (c2), then the first visitor again, and a call at the desk.
    const first = await o.checkIn('13800138001', { channel: '网络' })
    o.tick()
    const second = await o.checkIn('13800138002', { channel: '自然来访' })
    o.tick()
    await world.asUser(c1).reception.finish({ receptionId: first.receptionId!, result: 'valid', grade: 'A' })
    await world
      .asUser(c2)
      .reception.finish({ receptionId: second.receptionId!, result: 'invalid', note: '同行' })
    o.tick()
    const again = await o.checkIn('13800138001', { channel: '网络' })
    o.tick()
    await m.reception.startCall({ projectId: project.id, phone: '13800138003' })
    // A consultant registers a caller of their own: a call too.
    await world.asUser(c2).customers.register({ projectId: project.id, phone: '13800138004', kind: 'call' })
    // c1 sells the first visitor a flat; the deposit comes in, one receipt is voided.
    await m.units.import({
      projectId: project.id,
      units: [
        {
          building: '1栋',
          entrance: '1单元',
          floor: 3,
          room: '301',
          layout: '两室',
          areaM2: 89.32,
          listPriceFen: 2_000_000_00,
        },
      ],
    })
    const [unit] = await m.units.grid({ projectId: project.id })
    const customerId = (await world.asUser(c1).customers.list({ projectId: project.id, scope: 'mine' }))
      .items[0]!.id
    const { dealId } = await world.asUser(c1).deals.subscribe({
      unitId: unit!.unitId,
      customerId,
      paymentMethod: 'full',
      priceFen: 2_000_000_00,
      depositFen: 50_000_00,
      signBy: '2026-03-09',
    })
    await world.asUser(c1).deals.sign({
      dealId,
      contractNo: 'HT-1',
      schedule: [{ dueOn: '2026-03-02', amountFen: 2_000_000_00 }],
    })
    const pay = (amountFen: number) =>
      m.payments.record({ dealId, amountFen, method: 'card', paidOn: '2026-03-02', kind: 'deposit' })
    await pay(50_000_00)
    const wrong = await pay(1_00)
    await m.receipts.void({ projectId: project.id, receiptNo: wrong.receiptNo, reason: '录错' })

    const report = await m.reports.daily({ projectId: project.id, date: '2026-03-02' })
    expect(report).toMatchObject({
      date: '2026-03-02',
      calls: 2,
      visits: { first: 2, returning: 1 },
      visitsByChannel: [
        { channel: '网络', first: 1, returning: 1 },
        { channel: '自然来访', first: 1, returning: 0 },
      ],
      subscriptions: { count: 1, areaM2: 89.32, amountFen: 2_000_000_00 },
      signings: { count: 1, areaM2: 89.32, amountFen: 2_000_000_00 },
      collectionFen: 50_000_00,
    })
    // Receptions of the day, the call's included: c1 had the first visit and its return.
    const byId = Object.fromEntries(report.receptions.map((r) => [r.consultantId, r]))
    expect(byId[c1.id]).toMatchObject({ valid: 1, invalid: 0 })
    expect(byId[c2.id]).toMatchObject({ valid: 0, invalid: 1 })
    expect(report.receptions.reduce((n, r) => n + r.received, 0)).toBe(4)
    expect(again.receptionId).toBeTruthy()
    expect(report.formulas.visits).toContain('首访')

    // Wednesday: the week (from Monday the 2nd) and the month hold Monday's figures; the day has none.
    const later = await m.reports.daily({ projectId: project.id, date: '2026-03-04' })
    expect(later).toMatchObject({ calls: 0, visits: { first: 0, returning: 0 }, collectionFen: 0 })
    expect(later.periods.week).toMatchObject({
      from: '2026-03-02',
      calls: 2,
      visits: { first: 2, returning: 1 },
    })
    expect(later.periods.month).toMatchObject({
      from: '2026-03-01',
      signings: { count: 1 },
      collectionFen: 50_000_00,
    })
    expect(later.periods.day).toMatchObject({ from: '2026-03-04', calls: 0 })

    const other = await m.reports.daily({ projectId: project.id, date: '2026-03-01' })
    expect(other).toMatchObject({
      calls: 0,
      visits: { first: 0, returning: 0 },
      collectionFen: 0,
      subscriptions: { count: 0 },
    })
  })
})
