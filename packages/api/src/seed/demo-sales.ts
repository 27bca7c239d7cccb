/**
 * The demo project's inventory and its sales, produced by the real verbs on the demo's simulated
 * clock (demo-history.ts): two towers and a car park go on sale on the first day; grade-A visitors
 * subscribe a few days after their visit, at the quoted price or at a special price the director
 * approved; most sign within a week on a payment plan; deposits, down payments and loans come in
 * with their receipts; one deal is cancelled, one subscription forfeited, one buyer moves flats.
 */
import { and, eq } from 'drizzle-orm'
import { units } from '@anchang/db'
import {
  DomainError,
  addDays,
  nextMonth,
  scheduleFromPlan,
  type PaymentMethod,
  type Role,
  type ProjectSettings,
  type UnitRow,
} from '@anchang/shared'
import type { AppDeps, UserServiceContext } from '../services/context'
import { decideChange, requestChange } from '../services/deals/changes'
import { recordPayment } from '../services/deals/payments'
import { decideSpecial, quoteFor, requestSpecial } from '../services/deals/pricing'
import { getDeal } from '../services/deals/read'
import { setTarget } from '../services/deals/targets'
import { sign } from '../services/deals/sign'
import { subscribe } from '../services/deals/subscribe'
import { updateSettings } from '../services/projects/write'
import { importUnits } from '../services/units/import'
import { setUnitStatus } from '../services/units/status'

export interface Random {
  int(min: number, max: number): number
  pick<T>(list: readonly T[]): T
  chance(p: number): boolean
}

type Person = {
  id: string
  name: string
  username: string
  role: Role
}
type Schedule = (minutes: number, run: () => Promise<unknown>) => void

const ROOMS = [
  { room: '01', layout: '三室两厅两卫', areaM2: 118.56, orientation: '南北' },
  { room: '02', layout: '两室两厅一卫', areaM2: 89.32, orientation: '南' },
  { room: '03', layout: '两室两厅一卫', areaM2: 89.32, orientation: '南' },
  { room: '04', layout: '三室两厅两卫', areaM2: 118.56, orientation: '南北' },
]

/** Two 18-storey towers of two entrances, four flats a floor, and forty parking spaces on B1. */
export function demoInventory(): UnitRow[] {
  const rows: UnitRow[] = []
  for (const building of ['1栋', '2栋'])
    for (const entrance of ['1单元', '2单元'])
      for (let floor = 1; floor <= 18; floor++)
        for (const r of ROOMS) {
          // 32 000 元/m², 150 more per floor up; tower 2 sits on the park and asks 800 more.
          const perM2 = 32_000 + floor * 150 + (building === '2栋' ? 800 : 0)
          rows.push({
            building,
            entrance,
            floor,
            room: `${floor}${r.room}`,
            layout: r.layout,
            areaM2: r.areaM2,
            listPriceFen: Math.round(perM2 * r.areaM2) * 100,
            product: 'residential',
            orientation: r.orientation,
          })
        }
  for (let n = 1; n <= 40; n++)
    rows.push({
      building: '地下车库',
      entrance: 'B1',
      floor: -1,
      room: `B1-${String(n).padStart(3, '0')}`,
      layout: '标准车位',
      areaM2: 12.5,
      listPriceFen: 180_000_00,
      product: 'parking',
    })
  return rows
}

/** The demo's price policy: premiums for the through-ventilated flats, 折 by payment, an opening offer. */
function demoPolicy(openingFrom: string, openingTo: string): ProjectSettings['sales']['pricePolicy'] {
  return {
    order: ['surcharge', 'discount', 'reduction'],
    rules: [
      { kind: 'surcharge', label: '南北通透', basisPoints: 100, when: { orientations: ['南北'] } },
      {
        kind: 'discount',
        label: '一次性付款 97 折',
        keepBasisPoints: 9_700,
        when: { paymentMethods: ['full'] },
      },
      {
        kind: 'discount',
        label: '按揭 99 折',
        keepBasisPoints: 9_900,
        when: { paymentMethods: ['mortgage'] },
      },
      {
        kind: 'reduction',
        label: '开盘限时立减 2 万',
        amountFen: 20_000_00,
        when: { products: ['residential'], from: openingFrom, to: openingTo },
      },
    ],
  }
}

/** The simulation drives real rules; a step the rules refuse is skipped, as in demo-history.ts. */
async function attempt<T>(run: () => T): Promise<T | undefined> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof DomainError) return undefined
    throw error
  }
}

export class DemoSales {
  /** Grade-A visitors who will come back to subscribe, by the day they do. */
  private readonly interested = new Map<string, { customerId: string; consultant: Person }[]>()
  private readonly toSign = new Map<string, { dealId: string; consultant: Person }[]>()
  private readonly loans: { dealId: string; dueOn: string; amountFen: number }[] = []
  private deals = 0
  private contracts = 0
  private readonly plans: ProjectSettings['sales']['paymentPlans']

  constructor(
    private readonly deps: AppDeps,
    private readonly projectId: string,
    private readonly people: { director: Person; manager: Person; assistant: Person },
    private readonly rnd: Random,
    private readonly ctxOf: (person: Person) => UserServiceContext,
  ) {
    this.plans = deps.rotation.config(projectId).settings.sales.paymentPlans
  }

  /**
   * The first morning: the policy is set, the inventory imported, a few top flats kept back, and the
   * director's monthly targets set for every month up to today's (what the reports' 完成率 divides by).
   */
  async open(firstDay: string, today: string): Promise<void> {
    const { director, manager, assistant } = this.people
    for (let month = firstDay.slice(0, 7); month <= today.slice(0, 7); month = nextMonth(month))
      setTarget({
        ctx: this.ctxOf(director),
        input: {
          projectId: this.projectId,
          month,
          visits: 380,
          subscriptions: 20,
          signings: 16,
          signingFen: 5_000 * 1_000_000,
          collectionFen: 3_200 * 1_000_000,
        },
      })
    await updateSettings({
      ctx: this.ctxOf(manager),
      input: {
        projectId: this.projectId,
        settings: {
          sales: {
            pricePolicy: demoPolicy(firstDay, addDays(firstDay, 30)),
            presalePermit: '沪房管（浦东）预字（2026）第 000218 号',
          },
        },
      },
    })
    importUnits({ ctx: this.ctxOf(assistant), input: { projectId: this.projectId, units: demoInventory() } })
    for (const [building, room, action] of [
      ['1栋', '1801', 'withhold'],
      ['2栋', '1801', 'withhold'],
      ['1栋', '1804', 'hold'],
    ] as const) {
      const unit = this.deps.db
        .select({ id: units.id })
        .from(units)
        .where(
          and(
            eq(units.projectId, this.projectId),
            eq(units.building, building),
            eq(units.entrance, '1单元'),
            eq(units.room, room),
          ),
        )
        .get()
      if (unit)
        await attempt(() =>
          setUnitStatus({
            ctx: this.ctxOf(manager),
            input: { unitId: unit.id, action, reason: '开发商销控保留' },
          }),
        )
    }
  }

  /** A valid reception ended: a grade-A visitor may come back to subscribe within days. */
  received(date: string, customerId: string | null, consultant: Person, grade: string): void {
    if (!customerId || grade !== 'A' || !this.rnd.chance(0.45)) return
    const day = addDays(date, this.rnd.int(1, 6))
    this.interested.set(day, [...(this.interested.get(day) ?? []), { customerId, consultant }])
  }

  /** The day's sales: subscriptions, signings, money in, and now and then a change. */
  day(date: string, schedule: Schedule): void {
    for (const { customerId, consultant } of this.interested.get(date) ?? [])
      schedule(this.rnd.int(10 * 60, 17 * 60), () => this.subscribeOne(date, customerId, consultant))
    for (const { dealId, consultant } of this.toSign.get(date) ?? [])
      schedule(this.rnd.int(10 * 60, 16 * 60), () => this.signOne(date, dealId, consultant))
    for (const loan of this.loans.filter((l) => l.dueOn === date))
      schedule(11 * 60, () =>
        attempt(() =>
          recordPayment({
            ctx: this.ctxOf(this.people.assistant),
            input: {
              dealId: loan.dealId,
              amountFen: loan.amountFen,
              method: 'loan',
              paidOn: date,
              kind: 'loan',
            },
          }),
        ),
      )
  }

  private async subscribeOne(date: string, customerId: string, consultant: Person) {
    const ctx = this.ctxOf(consultant)
    const available = this.deps.db
      .select()
      .from(units)
      .where(eq(units.projectId, this.projectId))
      .all()
      .filter((u) => u.status === 'available' && u.product === 'residential')
    if (!available.length) return
    const unit = this.rnd.pick(available)
    const paymentMethod: PaymentMethod = this.rnd.pick([
      'mortgage',
      'mortgage',
      'mortgage',
      'full',
      'instalment',
    ])
    const quote = quoteFor(ctx, unit, paymentMethod)
    let priceFen = quote.priceFen
    let specialPriceRequestId: string | undefined
    // One in six asks for a little more off; the director agrees to most.
    if (this.rnd.chance(1 / 6)) {
      const asked = Math.round((quote.priceFen * 0.99) / 100) * 100
      const request = await attempt(() =>
        requestSpecial({
          ctx,
          input: {
            unitId: unit.id,
            customerId,
            paymentMethod,
            priceFen: asked,
            reason: '老业主推荐，客户要求再优惠一个点',
          },
        }),
      )
      if (request) {
        const approve = this.rnd.chance(0.8)
        await attempt(() =>
          decideSpecial({
            ctx: this.ctxOf(this.people.director),
            input: {
              requestId: request.requestId,
              approve,
              note: approve ? '同意，限本周使用' : '优惠已到底线',
            },
          }),
        )
        if (approve) {
          priceFen = asked
          specialPriceRequestId = request.requestId
        }
      }
    }
    const deal = await attempt(() =>
      subscribe({
        ctx,
        input: {
          unitId: unit.id,
          customerId,
          paymentMethod,
          priceFen,
          depositFen: 50_000_00,
          signBy: addDays(date, 7),
          ...(specialPriceRequestId ? { specialPriceRequestId } : {}),
        },
      }),
    )
    if (!deal) return
    this.deals++
    await attempt(() =>
      recordPayment({
        ctx: this.ctxOf(this.people.assistant),
        input: { dealId: deal.dealId, amountFen: 50_000_00, method: 'card', paidOn: date, kind: 'deposit' },
      }),
    )
    // Every twelfth gives up the subscription (挞定, the deposit kept); every ninth is still thinking
    // past the signing deadline (the manager's overdue list); the rest sign within a week.
    if (this.deals % 12 === 5) {
      await this.change(deal.dealId, { kind: 'forfeit', reason: '客户资金不到位，放弃认购' }, consultant)
      return
    }
    if (this.deals % 9 === 4) return
    const day = addDays(date, this.rnd.int(1, 6))
    this.toSign.set(day, [...(this.toSign.get(day) ?? []), { dealId: deal.dealId, consultant }])
  }

  private async signOne(date: string, dealId: string, consultant: Person) {
    const ctx = this.ctxOf(consultant)
    const deal = getDeal({ ctx, input: { dealId } })
    if (deal.status !== 'subscribed') return
    const plan = this.plans.find((p) => p.paymentMethod === deal.paymentMethod) ?? this.plans[0]!
    const schedule = scheduleFromPlan(plan, {
      priceFen: deal.priceFen,
      depositFen: deal.depositFen,
      subscribedOn: deal.subscribedOn,
    }).map((r) => ({ ...r, dueOn: r.dueOn < date ? date : r.dueOn }))
    const signed = await attempt(() =>
      sign({
        ctx,
        input: {
          dealId,
          contractNo: `SY-${date.slice(0, 4)}-${String(++this.contracts).padStart(4, '0')}`,
          schedule,
        },
      }),
    )
    if (!signed) return
    // The down payment (less the deposit already in) comes in on the day of signing; a loan weeks later.
    const first = schedule[0]!
    const down = first.amountFen - deal.paidFen
    if (down > 0)
      await attempt(() =>
        recordPayment({
          ctx: this.ctxOf(this.people.assistant),
          input: { dealId, amountFen: down, method: 'transfer', paidOn: date, kind: 'down_payment' },
        }),
      )
    if (deal.paymentMethod === 'mortgage' && schedule[1] && this.rnd.chance(0.7))
      this.loans.push({
        dealId,
        dueOn: addDays(date, this.rnd.int(25, 50)),
        amountFen: schedule[1].amountFen,
      })
    // Now and then: a cancellation after signing, or a move to a flat one floor up.
    if (this.deals % 17 === 3)
      await this.change(dealId, { kind: 'cancel', reason: '客户家庭原因申请退房' }, consultant)
    else if (this.deals % 19 === 7) {
      const next = this.deps.db
        .select()
        .from(units)
        .where(eq(units.projectId, this.projectId))
        .all()
        .find((u) => u.status === 'available' && u.product === 'residential' && u.layout.startsWith('三室'))
      if (next)
        await this.change(
          dealId,
          {
            kind: 'changeUnit',
            unitId: next.id,
            priceFen: Math.max(deal.paidFen, next.listPriceFen),
            reason: '客户想换大户型',
          },
          consultant,
        )
    }
  }

  private async change(
    dealId: string,
    what:
      | { kind: 'cancel' | 'forfeit'; reason: string }
      | { kind: 'changeUnit'; unitId: string; priceFen: number; reason: string },
    consultant: Person,
  ) {
    const asked = await attempt(() =>
      requestChange({ ctx: this.ctxOf(consultant), input: { dealId, ...what } }),
    )
    if (asked)
      await attempt(() =>
        decideChange({
          ctx: this.ctxOf(this.people.director),
          input: { changeId: asked.changeId, approve: true, note: '同意' },
        }),
      )
  }
}
