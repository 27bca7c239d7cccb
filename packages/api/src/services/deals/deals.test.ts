import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { failureOf, sentenceOf } from '../../authz-matrix'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'

/** 2026-03-02 in Shanghai, the test world's first day. */
const TODAY = '2026-03-02'
const YUAN = 100

interface Office {
  world: TestWorld
  projectId: string
  director: TestUser
  manager: TestUser
  assistant: TestUser
  c1: TestUser
  c2: TestUser
  /** c1's customer, registered today. */
  customerId: string
  /** Units of building 1栋 by room: 101, 102, 201, 202 at 3 000 000 yuan, 98.50 m². */
  unit: (room: string) => string
}

let office: Office | undefined
afterEach(() => office?.world.close())

async function openOffice(): Promise<Office> {
  const world = createTestWorld()
  const { id: projectId } = world.createProject()
  const person = (role: TestUser['role'], name: string) =>
    world.createUser({ role, projectIds: [projectId], name })
  const [director, manager, assistant, c1, c2] = [
    await person('director', '周总'),
    await person('manager', '吴经理'),
    await person('assistant', '孙助理'),
    await person('consultant', '张伟'),
    await person('consultant', '李娜'),
  ]
  const { customerId } = await world
    .asUser(c1)
    .customers.register({ projectId, phone: '13800138000', surname: '王', title: '先生', kind: 'visit' })
  await world.asUser(manager).units.import({
    projectId,
    units: ['101', '102', '201', '202'].map((room) => ({
      building: '1栋',
      entrance: '1单元',
      floor: Number(room.slice(0, -2)),
      room,
      layout: '三室两厅',
      areaM2: 98.5,
      listPriceFen: 3_000_000 * YUAN,
      orientation: room.endsWith('1') ? '南北' : '东西',
    })),
  })
  const grid = await world.asUser(manager).units.grid({ projectId })
  office = {
    world,
    projectId,
    director,
    manager,
    assistant,
    c1,
    c2,
    customerId,
    unit: (room) => grid.find((u) => u.room === room)!.unitId,
  }
  return office
}

const subscription = (o: Office, room: string, extra: Record<string, unknown> = {}) => ({
  unitId: o.unit(room),
  customerId: o.customerId,
  paymentMethod: 'full' as const,
  priceFen: 3_000_000 * YUAN,
  depositFen: 50_000 * YUAN,
  signBy: '2026-03-09',
  ...extra,
})

describe('units', () => {
  it('imports all rows or none, naming the row at fault', async () => {
    const o = await openOffice()
    const as = o.world.asUser(o.assistant)
    const row = {
      building: '2栋',
      entrance: '1单元',
      floor: 3,
      room: '301',
      layout: '两室',
      areaM2: 70,
      listPriceFen: 1,
    }
    const bad = await failureOf(
      as.units.import({ projectId: o.projectId, units: [row, { ...row, room: '302', areaM2: 70.125 }] }),
    )
    expect(bad?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(bad)).toBe('第 2 条的面积（m²）应为不小于 0、不大于 100000 的平方米数，最多两位小数。')
    const negative = await failureOf(
      as.units.import({ projectId: o.projectId, units: [{ ...row, listPriceFen: -5 }] }),
    )
    expect(sentenceOf(negative)).toBe('第 1 条的表价（分）不能小于 0。')
    const floor = await failureOf(
      as.units.import({ projectId: o.projectId, units: [{ ...row, floor: 2.5 }] }),
    )
    expect(sentenceOf(floor)).toBe('第 1 条的楼层应为整数。')
    const repeated = await failureOf(as.units.import({ projectId: o.projectId, units: [row, { ...row }] }))
    expect(sentenceOf(repeated)).toBe('第 2 条和第 1 条是同一套房源（2栋-1单元-301），整批未导入。')
    const exists = await failureOf(
      as.units.import({ projectId: o.projectId, units: [row, { ...row, building: '1栋', room: '101' }] }),
    )
    expect(exists?.code).toBe('CONFLICT')
    expect(sentenceOf(exists)).toContain('1栋-1单元-101')
    expect(await as.units.grid({ projectId: o.projectId, building: '2栋' })).toEqual([])
    expect(await as.units.import({ projectId: o.projectId, units: [row] })).toEqual({ created: 1 })
  })

  it('draws the grid top floor first, with area and price as imported', async () => {
    const o = await openOffice()
    const grid = await o.world.asUser(o.c1).units.grid({ projectId: o.projectId })
    expect(grid.map((u) => u.room)).toEqual(['201', '202', '101', '102'])
    expect(grid[0]).toMatchObject({
      building: '1栋',
      entrance: '1单元',
      floor: 2,
      areaM2: 98.5,
      status: 'available',
    })
  })

  it('lets managers hold and withhold a unit as the state machine allows, with its history', async () => {
    const o = await openOffice()
    const m = o.world.asUser(o.manager)
    await m.units.setStatus({ unitId: o.unit('101'), action: 'hold', reason: '开发商保留' })
    const twice = await failureOf(
      m.units.setStatus({ unitId: o.unit('101'), action: 'hold', reason: '再保留' }),
    )
    expect(twice?.code).toBe('CONFLICT')
    expect(sentenceOf(twice)).toBe('房源现在是「保留」，不能保留；只有「待售」的房源可以。')
    expect(
      (
        await failureOf(
          o.world.asUser(o.c1).units.setStatus({ unitId: o.unit('102'), action: 'hold', reason: 'x' }),
        )
      )?.code,
    ).toBe('FORBIDDEN')
    const unit = await m.units.get({ unitId: o.unit('101') })
    expect(unit.status).toBe('held')
    expect(unit.history.map((h) => [h.action, h.toStatus, h.actorName])).toEqual([
      ['hold', 'held', '吴经理'],
      ['import', 'available', '吴经理'],
    ])
  })

  it('tells every grid screen of the project when a unit changes', async () => {
    const o = await openOffice()
    const stream = await o.world.asUser(o.c2).units.onChange({ projectId: o.projectId })
    const it = stream[Symbol.asyncIterator]()
    const first = await it.next()
    expect(first.value).toMatchObject({ kind: 'grid' })
    await o.world.asUser(o.c1).deals.subscribe(subscription(o, '201'))
    const next = await it.next()
    expect(next.value).toMatchObject({
      kind: 'units',
      units: [{ room: '201', status: 'subscribed', version: 1 }],
    })
    await it.return?.()
  })
})

describe('prices and special prices', () => {
  it('quotes through the project policy with its steps, rounded once to the yuan', async () => {
    const o = await openOffice()
    await o.world.asUser(o.manager).projects.updateSettings({
      projectId: o.projectId,
      settings: {
        sales: {
          pricePolicy: {
            order: ['surcharge', 'discount', 'reduction'],
            rules: [
              { kind: 'surcharge', label: '南北通透', basisPoints: 100, when: { orientations: ['南北'] } },
              {
                kind: 'discount',
                label: '一次性付款 98 折',
                keepBasisPoints: 9_800,
                when: { paymentMethods: ['full'] },
              },
              { kind: 'reduction', label: '开盘立减', amountFen: 10_000 * YUAN },
            ],
          },
        },
      },
    })
    const q = await o.world.asUser(o.c1).prices.quote({ unitId: o.unit('201'), paymentMethod: 'full' })
    // 3 000 000 × 1.01 × 0.98 − 10 000 = 2 959 400
    expect(q.priceFen).toBe(2_959_400 * YUAN)
    expect(q.steps.map((s) => s.label)).toEqual([
      '表价',
      '南北通透',
      '一次性付款 98 折',
      '开盘立减',
      '取整到元',
    ])
    const mortgage = await o.world
      .asUser(o.c1)
      .prices.quote({ unitId: o.unit('202'), paymentMethod: 'mortgage' })
    expect(mortgage.priceFen).toBe(2_990_000 * YUAN)
  })

  it('approves a special price for one unit and customer, usable once, and tells both sides', async () => {
    const o = await openOffice()
    const c1 = o.world.asUser(o.c1)
    const below = await failureOf(c1.deals.subscribe(subscription(o, '201', { priceFen: 2_900_000 * YUAN })))
    expect(below?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(below)).toBe(
      '成交价 ¥2,900,000.00 低于政策最低价 ¥3,000,000.00：请先提交特价申请，总监批准后再认购。',
    )
    const notNeeded = await failureOf(
      c1.prices.requestSpecial({
        unitId: o.unit('201'),
        customerId: o.customerId,
        paymentMethod: 'full',
        priceFen: 3_000_000 * YUAN,
        reason: '团购',
      }),
    )
    expect(notNeeded?.code).toBe('BAD_REQUEST')
    const notMine = await failureOf(
      o.world.asUser(o.c2).prices.requestSpecial({
        unitId: o.unit('201'),
        customerId: o.customerId,
        paymentMethod: 'full',
        priceFen: 1,
        reason: '团购',
      }),
    )
    expect(notMine?.code).toBe('FORBIDDEN')
    const { requestId } = await c1.prices.requestSpecial({
      unitId: o.unit('201'),
      customerId: o.customerId,
      paymentMethod: 'full',
      priceFen: 2_900_000 * YUAN,
      reason: '老业主介绍',
    })
    const pending = await failureOf(
      c1.deals.subscribe(
        subscription(o, '201', { priceFen: 2_900_000 * YUAN, specialPriceRequestId: requestId }),
      ),
    )
    expect(sentenceOf(pending)).toBe('这条特价尚未批准，不能用于这次认购。')
    const director = o.world.asUser(o.director)
    const directorNotice = o.world.database.sqlite
      .prepare('select type from notifications where user_id = ?')
      .all(o.director.id) as { type: string }[]
    expect(directorNotice.map((n) => n.type)).toEqual(['special_price_requested'])
    await director.prices.decideSpecial({ requestId, approve: true, note: '同意' })
    expect((await failureOf(director.prices.decideSpecial({ requestId, approve: false })))?.code).toBe(
      'CONFLICT',
    )
    const mine = await c1.prices.listSpecial({ projectId: o.projectId })
    expect(mine).toMatchObject([
      { requestId, status: 'approved', priceFen: 2_900_000 * YUAN, customerName: '王先生' },
    ])
    // For this unit only.
    const otherUnit = await failureOf(
      c1.deals.subscribe(
        subscription(o, '202', { priceFen: 2_900_000 * YUAN, specialPriceRequestId: requestId }),
      ),
    )
    expect(sentenceOf(otherUnit)).toBe('这条特价是为另一套房源或另一位客户批准的，不能用于这次认购。')
    const { dealId } = await c1.deals.subscribe(
      subscription(o, '201', { priceFen: 2_900_000 * YUAN, specialPriceRequestId: requestId }),
    )
    expect((await c1.deals.get({ dealId })).status).toBe('subscribed')
    // Used once: cancelled and subscribed again, the approval is spent.
    const { changeId } = await c1.deals.requestChange({ dealId, kind: 'cancel', reason: '客户改主意' })
    await director.deals.decideChange({ changeId, approve: true })
    const again = await failureOf(
      c1.deals.subscribe(
        subscription(o, '201', { priceFen: 2_900_000 * YUAN, specialPriceRequestId: requestId }),
      ),
    )
    expect(sentenceOf(again)).toBe('这条特价已经用过一次，不能用于这次认购。')
  })

  it('lets an approval lapse after its validity', async () => {
    const o = await openOffice()
    const c1 = o.world.asUser(o.c1)
    const { requestId } = await c1.prices.requestSpecial({
      unitId: o.unit('201'),
      customerId: o.customerId,
      paymentMethod: 'full',
      priceFen: 2_950_000 * YUAN,
      reason: '团购',
    })
    await o.world.asUser(o.director).prices.decideSpecial({ requestId, approve: true })
    o.world.setNow(new Date(o.world.deps.clock().getTime() + 4 * 86_400_000))
    const late = await failureOf(
      c1.deals.subscribe(
        subscription(o, '201', {
          priceFen: 2_950_000 * YUAN,
          specialPriceRequestId: requestId,
          signBy: '2026-03-20',
        }),
      ),
    )
    expect(sentenceOf(late)).toBe('这条特价已过有效期，不能用于这次认购。')
    expect((await c1.prices.listSpecial({ projectId: o.projectId }))[0]?.status).toBe('expired')
  })
})

describe('subscription', () => {
  it('holds the unit for the owner only, and refuses a unit already taken', async () => {
    const o = await openOffice()
    const other = await failureOf(o.world.asUser(o.c2).deals.subscribe(subscription(o, '201')))
    expect(other?.code).toBe('FORBIDDEN')
    const manager = await failureOf(o.world.asUser(o.manager).deals.subscribe(subscription(o, '201')))
    expect(manager?.code).toBe('FORBIDDEN')
    const deposit = await failureOf(
      o.world.asUser(o.c1).deals.subscribe(subscription(o, '201', { depositFen: 4_000_000 * YUAN })),
    )
    expect(sentenceOf(deposit)).toBe('定金 ¥4,000,000.00 不能高于成交价 ¥3,000,000.00。')
    const past = await failureOf(
      o.world.asUser(o.c1).deals.subscribe(subscription(o, '201', { signBy: '2026-03-01' })),
    )
    expect(past?.code).toBe('BAD_REQUEST')
    const impossible = await failureOf(
      o.world.asUser(o.c1).deals.subscribe(subscription(o, '201', { signBy: '2026-02-30' })),
    )
    expect(sentenceOf(impossible)).toBe(
      '签约截止日期应为 YYYY-MM-DD 格式、日历上存在的日期，例如 2026-03-01。',
    )
    const { dealId } = await o.world.asUser(o.c1).deals.subscribe(subscription(o, '201'))
    const taken = await failureOf(o.world.asUser(o.c1).deals.subscribe(subscription(o, '201')))
    expect(taken?.code).toBe('CONFLICT')
    expect(sentenceOf(taken)).toBe('房源 1栋-1单元-201 现在是「已认购」，不能认购；请在销控表上另选一套。')
    const deal = await o.world.asUser(o.assistant).deals.get({ dealId })
    expect(deal).toMatchObject({
      status: 'subscribed',
      priceFen: 3_000_000 * YUAN,
      paidFen: 0,
      owedFen: 3_000_000 * YUAN,
      payments: [],
    })
    expect(o.world.rowCount('deals')).toBe(1)
    // What the customer bought is part of what is held about them (PIPL).
    const held = await o.world.asUser(o.manager).customers.personalData({ customerId: o.customerId })
    expect(held.deals).toMatchObject([{ unit: '1栋-1单元-201', status: 'subscribed', payments: [] }])
  })
})

describe('signing', () => {
  it('needs a schedule that adds up, a contract number of its own, and leave to date it back', async () => {
    const o = await openOffice()
    const c1 = o.world.asUser(o.c1)
    const { dealId } = await c1.deals.subscribe(subscription(o, '201'))
    const { dealId: second } = await c1.deals.subscribe(subscription(o, '202'))
    const schedule = [
      { dueOn: '2026-03-09', amountFen: 900_000 * YUAN },
      { dueOn: '2026-05-01', amountFen: 2_100_000 * YUAN },
    ]
    const short = await failureOf(
      c1.deals.sign({ dealId, contractNo: 'HT-1', schedule: schedule.slice(0, 1) }),
    )
    expect(sentenceOf(short)).toBe(
      '付款计划合计 ¥900,000.00，与成交价 ¥3,000,000.00 不一致（相差 ¥2,100,000.00），请调整各期金额。',
    )
    await c1.deals.sign({ dealId, contractNo: 'HT-1', schedule })
    const dup = await failureOf(c1.deals.sign({ dealId: second, contractNo: 'HT-1', schedule }))
    expect(dup?.code).toBe('CONFLICT')
    expect(sentenceOf(dup)).toBe('合同编号 HT-1 在本项目已经用过，请核对合同上的编号。')
    expect((await failureOf(c1.deals.sign({ dealId, contractNo: 'HT-9', schedule })))?.code).toBe('CONFLICT')
    // Monday's entry of Saturday's offer: the subscription itself was on Saturday.
    o.world.database.sqlite.prepare("update deals set subscribed_on = '2026-02-28' where id = ?").run(second)
    const back = await failureOf(
      c1.deals.sign({ dealId: second, contractNo: 'HT-2', signedOn: '2026-02-28', schedule }),
    )
    expect(sentenceOf(back)).toBe('签约日期 2026-02-28 早于今天，需要经理先批准倒签。')
    const far = await failureOf(
      o.world
        .asUser(o.manager)
        .deals.permitBackdate({ dealId: second, signedOn: '2026-02-20', reason: '补录' }),
    )
    expect(far?.code).toBe('BAD_REQUEST')
    await o.world
      .asUser(o.manager)
      .deals.permitBackdate({ dealId: second, signedOn: '2026-02-28', reason: '周六的认购周一补录' })
    await c1.deals.sign({ dealId: second, contractNo: 'HT-2', signedOn: '2026-02-28', schedule })
    const deal = await c1.deals.get({ dealId: second })
    expect(deal).toMatchObject({
      status: 'signed',
      contractNo: 'HT-2',
      signedOn: '2026-02-28',
      backdated: true,
      backdateByName: '吴经理',
    })
    expect((await c1.units.get({ unitId: o.unit('202') })).status).toBe('signed')
  })
})

describe('payments and receipts', () => {
  it('numbers receipts from one sequence, never more than owed, voids keeping the number', async () => {
    const o = await openOffice()
    const { dealId } = await o.world.asUser(o.c1).deals.subscribe(subscription(o, '201'))
    const a = o.world.asUser(o.assistant)
    const pay = (amountFen: number, kind: 'deposit' | 'down_payment' = 'deposit') =>
      a.payments.record({ dealId, amountFen, method: 'transfer', paidOn: TODAY, kind })
    const first = await pay(50_000 * YUAN)
    expect(first.receiptNo).toBe('00000001')
    expect(await a.receipts.get({ projectId: o.projectId, receiptNo: first.receiptNo })).toMatchObject({
      amountFen: 5_000_000,
      amountInWords: '人民币伍万元整',
      status: 'valid',
      payerName: '王先生',
      unit: '1栋-1单元-201',
    })
    expect(
      (
        await failureOf(
          o.world
            .asUser(o.c1)
            .payments.record({ dealId, amountFen: 1, method: 'cash', paidOn: TODAY, kind: 'deposit' }),
        )
      )?.code,
    ).toBe('FORBIDDEN')
    const over = await failureOf(pay(2_950_001 * YUAN, 'down_payment'))
    expect(sentenceOf(over)).toBe('收款金额 ¥2,950,001.00 超过了尚欠的 ¥2,950,000.00。')
    const future = await failureOf(
      a.payments.record({ dealId, amountFen: 1, method: 'cash', paidOn: '2026-03-03', kind: 'deposit' }),
    )
    expect(future?.code).toBe('BAD_REQUEST')
    await a.receipts.void({ projectId: o.projectId, receiptNo: '1', reason: '金额录错' })
    const twice = await failureOf(
      a.receipts.void({ projectId: o.projectId, receiptNo: first.receiptNo, reason: '再作废' }),
    )
    expect(twice?.code).toBe('CONFLICT')
    const second = await pay(50_000 * YUAN)
    expect(second.receiptNo).toBe('00000002')
    const deal = await a.deals.get({ dealId })
    expect(deal.paidFen).toBe(5_000_000)
    expect(deal.payments.map((p) => [p.receiptNo, p.status])).toEqual([
      ['00000001', 'void'],
      ['00000002', 'valid'],
    ])
    expect((await a.receipts.get({ projectId: o.projectId, receiptNo: '00000001' })).status).toBe('void')
    expect((await failureOf(a.receipts.get({ projectId: o.projectId, receiptNo: '00000009' })))?.code).toBe(
      'NOT_FOUND',
    )
  })

  it('keeps paid equal to the valid receipts and owed to price less paid, whatever is paid and voided', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('pay' as const), yuan: fc.integer({ min: 1, max: 1_500_000 }) }),
            fc.record({ op: fc.constant('void' as const), pick: fc.nat() }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          const o = await openOffice()
          try {
            const { dealId } = await o.world.asUser(o.c1).deals.subscribe(subscription(o, '201'))
            const a = o.world.asUser(o.assistant)
            const receipts: string[] = []
            for (const step of steps) {
              if (step.op === 'pay') {
                const done = await failureOf(async () =>
                  receipts.push(
                    (
                      await a.payments.record({
                        dealId,
                        amountFen: step.yuan * YUAN,
                        method: 'card',
                        paidOn: TODAY,
                        kind: 'down_payment',
                      })
                    ).receiptNo,
                  ),
                )
                if (done) expect(done.code).toBe('BAD_REQUEST')
              } else if (receipts.length) {
                const no = receipts[step.pick % receipts.length]!
                const done = await failureOf(
                  a.receipts.void({ projectId: o.projectId, receiptNo: no, reason: '作废' }),
                )
                if (done) expect(done.code).toBe('CONFLICT')
              }
            }
            const deal = await a.deals.get({ dealId })
            const valid = deal.payments
              .filter((p) => p.status === 'valid')
              .reduce((s, p) => s + p.amountFen, 0)
            expect(deal.paidFen).toBe(valid)
            expect(deal.owedFen).toBe(deal.priceFen - valid)
            expect(deal.paidFen).toBeLessThanOrEqual(deal.priceFen)
            // Numbers are the sequence itself: none skipped, none reused.
            expect(deal.payments.map((p) => Number(p.receiptNo))).toEqual(deal.payments.map((_, i) => i + 1))
          } finally {
            o.world.close()
            office = undefined
          }
        },
      ),
      { numRuns: 25 },
    )
  }, 60_000)
})

describe('changes of a deal', () => {
  it('cancels only with the director, refunding with a receipt of its own and freeing the unit', async () => {
    const o = await openOffice()
    const { dealId } = await o.world.asUser(o.c1).deals.subscribe(subscription(o, '201'))
    await o.world.asUser(o.assistant).payments.record({
      dealId,
      amountFen: 50_000 * YUAN,
      method: 'transfer',
      paidOn: TODAY,
      kind: 'deposit',
    })
    const { changeId } = await o.world
      .asUser(o.c1)
      .deals.requestChange({ dealId, kind: 'cancel', reason: '贷款未批' })
    expect((await o.world.asUser(o.c1).deals.get({ dealId })).status).toBe('subscribed')
    expect(
      (await failureOf(o.world.asUser(o.manager).deals.decideChange({ changeId, approve: true })))?.code,
    ).toBe('FORBIDDEN')
    const again = await failureOf(
      o.world.asUser(o.c1).deals.requestChange({ dealId, kind: 'forfeit', reason: '再提' }),
    )
    expect(again?.code).toBe('CONFLICT')
    await o.world.asUser(o.director).deals.decideChange({ changeId, approve: true })
    const deal = await o.world.asUser(o.c1).deals.get({ dealId })
    expect(deal).toMatchObject({ status: 'cancelled', paidFen: 0 })
    expect(deal.payments.map((p) => [p.receiptNo, p.direction, p.amountFen])).toEqual([
      ['00000001', 'in', 5_000_000],
      ['00000002', 'refund', 5_000_000],
    ])
    expect((await o.world.asUser(o.c1).units.get({ unitId: o.unit('201') })).status).toBe('available')
    expect(
      (
        await failureOf(
          o.world
            .asUser(o.assistant)
            .payments.record({ dealId, amountFen: 1, method: 'cash', paidOn: TODAY, kind: 'deposit' }),
        )
      )?.code,
    ).toBe('CONFLICT')
  })

  it('forfeits a subscription keeping the deposit, and moves a deal to another unit with its money', async () => {
    const o = await openOffice()
    const c1 = o.world.asUser(o.c1)
    const director = o.world.asUser(o.director)
    const { dealId } = await c1.deals.subscribe(subscription(o, '201'))
    await o.world.asUser(o.assistant).payments.record({
      dealId,
      amountFen: 50_000 * YUAN,
      method: 'transfer',
      paidOn: TODAY,
      kind: 'deposit',
    })
    const move = await c1.deals.requestChange({
      dealId,
      kind: 'changeUnit',
      unitId: o.unit('102'),
      priceFen: 2_980_000 * YUAN,
      reason: '换低楼层',
    })
    await director.deals.decideChange({ changeId: move.changeId, approve: true })
    const moved = await c1.deals.get({ dealId })
    expect(moved).toMatchObject({
      unitId: o.unit('102'),
      priceFen: 2_980_000 * YUAN,
      paidFen: 5_000_000,
      status: 'subscribed',
    })
    expect((await c1.units.get({ unitId: o.unit('201') })).status).toBe('available')
    expect((await c1.units.get({ unitId: o.unit('102') })).status).toBe('subscribed')
    const forfeit = await c1.deals.requestChange({ dealId, kind: 'forfeit', reason: '逾期未签约' })
    await director.deals.decideChange({ changeId: forfeit.changeId, approve: true })
    const kept = await c1.deals.get({ dealId })
    expect(kept).toMatchObject({ status: 'forfeited', paidFen: 5_000_000 })
    expect(kept.payments).toHaveLength(1)
    expect((await c1.units.get({ unitId: o.unit('102') })).status).toBe('available')
  })
})

describe('undoing a change', () => {
  it('takes a cancellation back with approval: the unit held again, the refund voided, the money kept', async () => {
    const o = await openOffice()
    const c1 = o.world.asUser(o.c1)
    const director = o.world.asUser(o.director)
    const { dealId } = await c1.deals.subscribe(subscription(o, '201'))
    await c1.deals.sign({
      dealId,
      contractNo: 'HT-7',
      schedule: [{ dueOn: '2026-03-09', amountFen: 3_000_000 * YUAN }],
    })
    await o.world.asUser(o.assistant).payments.record({
      dealId,
      amountFen: 50_000 * YUAN,
      method: 'transfer',
      paidOn: TODAY,
      kind: 'deposit',
    })
    const cancel = await c1.deals.requestChange({ dealId, kind: 'cancel', reason: '客户要求退房' })
    await director.deals.decideChange({ changeId: cancel.changeId, approve: true })
    expect((await c1.deals.get({ dealId })).status).toBe('cancelled')
    const undo = await c1.deals.requestChange({
      dealId,
      kind: 'undo',
      changeId: cancel.changeId,
      reason: '客户撤回退房申请',
    })
    await director.deals.decideChange({ changeId: undo.changeId, approve: true })
    const deal = await c1.deals.get({ dealId })
    expect(deal).toMatchObject({ status: 'signed', paidFen: 5_000_000, contractNo: 'HT-7' })
    expect(deal.payments.map((p) => [p.direction, p.status])).toEqual([
      ['in', 'valid'],
      ['refund', 'void'],
    ])
    expect(deal.changes.map((c) => [c.kind, c.status])).toEqual([
      ['undo', 'approved'],
      ['cancel', 'undone'],
    ])
    expect((await c1.units.get({ unitId: o.unit('201') })).status).toBe('signed')
    const twice = await failureOf(
      c1.deals.requestChange({ dealId, kind: 'undo', changeId: cancel.changeId, reason: '再撤销' }),
    )
    expect(sentenceOf(twice)).toBe('只能撤销这笔成交最近一次已批准的变更。')
  })

  it('cannot take a cancellation back once someone else has subscribed the unit', async () => {
    const o = await openOffice()
    const c1 = o.world.asUser(o.c1)
    const director = o.world.asUser(o.director)
    const { dealId } = await c1.deals.subscribe(subscription(o, '201'))
    const cancel = await c1.deals.requestChange({ dealId, kind: 'cancel', reason: '退订' })
    await director.deals.decideChange({ changeId: cancel.changeId, approve: true })
    await c1.deals.subscribe(subscription(o, '201'))
    const undo = await c1.deals.requestChange({
      dealId,
      kind: 'undo',
      changeId: cancel.changeId,
      reason: '撤回',
    })
    const refused = await failureOf(director.deals.decideChange({ changeId: undo.changeId, approve: true }))
    expect(refused?.code).toBe('CONFLICT')
    expect((await c1.deals.get({ dealId })).status).toBe('cancelled')
  })
})

describe('the lists', () => {
  it('lists subscriptions past their signing deadline and signed deals in arrears', async () => {
    const o = await openOffice()
    const c1 = o.world.asUser(o.c1)
    const { dealId: late } = await c1.deals.subscribe(subscription(o, '201', { signBy: TODAY }))
    const { dealId: signed } = await c1.deals.subscribe(subscription(o, '202'))
    await c1.deals.sign({
      dealId: signed,
      contractNo: 'HT-1',
      schedule: [{ dueOn: '2026-03-05', amountFen: 3_000_000 * YUAN }],
    })
    o.world.setNow(new Date(o.world.deps.clock().getTime() + 5 * 86_400_000))
    const m = o.world.asUser(o.manager)
    expect(
      (await m.deals.list({ projectId: o.projectId, view: 'overdueSigning' })).map((d) => d.dealId),
    ).toEqual([late])
    const arrears = await m.deals.list({ projectId: o.projectId, view: 'arrears' })
    expect(arrears).toMatchObject([
      { dealId: signed, arrearsFen: 3_000_000 * YUAN, consultantName: '张伟', lastRemindedAt: null },
    ])
    const a = o.world.asUser(o.assistant)
    await a.deals.remind({ dealId: signed, note: '首期款逾期三天' })
    const notice = o.world.database.sqlite
      .prepare("select payload from notifications where user_id = ? and type = 'payment_reminder'")
      .get(o.c1.id) as { payload: string }
    expect(JSON.parse(notice.payload)).toMatchObject({
      dealId: signed,
      arrearsFen: 3_000_000 * YUAN,
      note: '首期款逾期三天',
    })
    expect(
      (await m.deals.list({ projectId: o.projectId, view: 'arrears' }))[0]?.lastRemindedAt,
    ).not.toBeNull()
    const nothing = await failureOf(a.deals.remind({ dealId: late }))
    expect(sentenceOf(nothing)).toBe('这笔成交目前没有到期未付的款项，无需催款。')
    expect(await o.world.asUser(o.c2).deals.list({ projectId: o.projectId })).toEqual([])
  })
})
