/**
 * From unit to money from outside (CONTRACT.md "From unit to money"): a real server with the minimal
 * seed, plain fetch for calls, tRPC's own SSE client for the live grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventSource, type EventSourceInit } from 'eventsource'
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client'
import type { AppRouter } from '@anchang/api'
import { DEMO_PASSWORD } from '@anchang/db'
import { sendTo, sessionCookie, startServer, type Running } from './test-server'

let on: Running
let projectId = ''
const cookies: Record<string, string> = {}

const mutate = (path: string, body: unknown, who: string) =>
  sendTo(on, `/trpc/${path}`, { body, cookie: cookies[who] })
const query = (path: string, input: unknown, who: string) =>
  sendTo(on, `/trpc/${path}`, { input, cookie: cookies[who] })

beforeAll(async () => {
  on = await startServer()
  for (const who of ['manager', 'c1', 'c2']) {
    const login = await sendTo(on, '/trpc/auth.login', { body: { username: who, password: DEMO_PASSWORD } })
    expect(login.status, login.text).toBe(200)
    cookies[who] = sessionCookie(login)
    projectId = login.body.result.data.user.projects[0].id
  }
})
afterAll(() => on.close())

const unitRow = (building: string, i: number) => ({
  building,
  entrance: `${1 + (i % 4)}单元`,
  floor: 1 + Math.floor(i / 40),
  room: `${1 + Math.floor(i / 40)}${String(1 + (i % 40)).padStart(2, '0')}`,
  layout: i % 2 ? '三室两厅' : '两室两厅',
  areaM2: 89.57,
  listPriceFen: 250_000_000 + i * 100,
})

async function customerOf(who: string, phone: string): Promise<string> {
  const made = await mutate('customers.register', { projectId, phone, surname: '王', kind: 'visit' }, who)
  expect(made.status, made.text).toBe(200)
  return made.body.result.data.customerId
}

describe('units and deals over HTTP', () => {
  it('imports 5 000 units in one call past the usual body limit, and refuses one more', async () => {
    const units = Array.from({ length: 5_000 }, (_, i) => unitRow('9栋', i))
    const done = await mutate('units.import', { projectId, units }, 'manager')
    expect(done.status, done.text.slice(0, 300)).toBe(200)
    expect(done.body.result.data).toEqual({ created: 5_000 })
    const more = await mutate('units.import', { projectId, units: [...units, unitRow('8栋', 0)] }, 'manager')
    expect(more.status).toBe(400)
    expect(more.body.error.message).toBe('房源最多 5000 项。')
  })

  it('lets exactly one of two subscriptions of one unit at the same instant win, and shows it live', async () => {
    const made = await mutate('units.import', { projectId, units: [unitRow('1栋', 0)] }, 'manager')
    expect(made.status, made.text).toBe(200)
    // The 5 000 units go zipped to a client that takes it, and read back the same.
    const whole = await fetch(
      `${on.url}/trpc/units.grid?input=${encodeURIComponent(JSON.stringify({ projectId, building: '9栋' }))}`,
      {
        headers: { cookie: cookies.c1!, 'accept-encoding': 'gzip' },
      },
    )
    expect(whole.headers.get('content-encoding')).toBe('gzip')
    expect(((await whole.json()) as { result: { data: unknown[] } }).result.data).toHaveLength(5_000)
    const grid = await query('units.grid', { projectId, building: '1栋' }, 'c1')
    const unitId: string = grid.body.result.data[0].unitId
    const [mine, yours] = [await customerOf('c1', '13800000001'), await customerOf('c2', '13800000002')]

    const client = createTRPCClient<AppRouter>({
      links: [
        httpSubscriptionLink({
          url: `${on.url}/trpc`,
          EventSource: class extends EventSource {
            constructor(url: string | URL, init?: EventSourceInit) {
              super(url, {
                ...init,
                fetch: (input, rest) =>
                  fetch(input, { ...rest, headers: { ...rest?.headers, cookie: cookies.manager! } }),
              })
            }
          },
        }),
      ],
    })
    const seen: { kind: string; units: { unitId: string; status: string }[] }[] = []
    let changed: (() => void) | undefined
    const live = new Promise<void>((resolve) => (changed = resolve))
    const subscription = client.units.onChange.subscribe(
      { projectId, building: '1栋' },
      {
        onData: (message) => {
          seen.push(message)
          if (message.kind === 'units') changed?.()
        },
      },
    )
    await new Promise<void>((resolve) => {
      const wait = () => (seen.length ? resolve() : setTimeout(wait, 10))
      wait()
    })

    const offer = (customerId: string) => ({
      unitId,
      customerId,
      paymentMethod: 'mortgage',
      priceFen: 250_000_000,
      depositFen: 2_000_000,
      signBy: '2099-01-01',
    })
    const answers = await Promise.all([
      mutate('deals.subscribe', offer(mine), 'c1'),
      mutate('deals.subscribe', offer(yours), 'c2'),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const lost = answers.find((a) => a.status === 409)!
    expect(lost.body.error.data.code).toBe('CONFLICT')
    expect(lost.body.error.message).toBe(
      '房源 1栋-1单元-101 现在是「已认购」，不能认购；请在销控表上另选一套。',
    )
    expect(
      on.database.sqlite.prepare('select count(*) as n from deals where unit_id = ?').get(unitId),
    ).toEqual({ n: 1 })

    await live
    subscription.unsubscribe()
    expect(seen[0]).toMatchObject({ kind: 'grid', units: [{ unitId, status: 'available' }] })
    expect(seen.at(-1)).toMatchObject({ kind: 'units', units: [{ unitId, status: 'subscribed' }] })
  })

  it('answers a receipt in words, and an impossible date or an absurd amount with a sentence', async () => {
    const made = await mutate('units.import', { projectId, units: [unitRow('2栋', 0)] }, 'manager')
    expect(made.status).toBe(200)
    const unitId: string = (await query('units.grid', { projectId, building: '2栋' }, 'c1')).body.result
      .data[0].unitId
    const customerId = await customerOf('c1', '13800000003')
    const subscribed = await mutate(
      'deals.subscribe',
      {
        unitId,
        customerId,
        paymentMethod: 'full',
        priceFen: 250_000_000,
        depositFen: 500_000,
        signBy: '2099-01-01',
      },
      'c1',
    )
    const dealId: string = subscribed.body.result.data.dealId
    const absurd = await mutate(
      'payments.record',
      { dealId, amountFen: 10 ** 13, method: 'cash', paidOn: '2026-02-30', kind: 'deposit' },
      'manager',
    )
    expect(absurd.status).toBe(400)
    expect(absurd.body.error.message).toContain('金额（分）')
    expect(absurd.body.error.message).toContain('收款日期应为 YYYY-MM-DD 格式')
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    // What is owed holds under a burst: 20 deposits of the whole price at once, then a batch of three.
    const whole = { dealId, amountFen: 250_000_000, method: 'transfer', paidOn: today, kind: 'deposit' }
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => mutate('payments.record', whole, 'manager')),
    )
    expect(burst.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(400)])
    const receiptNo: string = burst.find((a) => a.status === 200)!.body.result.data.receiptNo
    const batch = await sendTo(on, '/trpc/payments.record,payments.record,payments.record?batch=1', {
      body: { 0: { ...whole, amountFen: 1 }, 1: { ...whole, amountFen: 1 }, 2: { ...whole, amountFen: 1 } },
      cookie: cookies.manager,
    })
    expect((batch.body as { error?: unknown }[]).every((a) => a.error)).toBe(true)
    await mutate('receipts.void', { projectId, receiptNo, reason: '测试作废' }, 'manager')
    expect(on.database.sqlite.prepare('select paid_fen as paid from deals where id = ?').get(dealId)).toEqual(
      { paid: 0 },
    )
    const paid = await mutate(
      'payments.record',
      { dealId, amountFen: 500_000, method: 'cash', paidOn: today, kind: 'deposit' },
      'manager',
    )
    expect(paid.status, paid.text).toBe(200)
    const receipt = await query(
      'receipts.get',
      { projectId, receiptNo: paid.body.result.data.receiptNo },
      'c1',
    )
    expect(receipt.body.result.data).toMatchObject({
      dealId,
      amountFen: 500_000,
      amountInWords: '人民币伍仟元整',
      status: 'valid',
    })
  })
})
