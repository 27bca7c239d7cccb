/**
 * The customer book through its procedures (CONTRACT.md "The customer book"): a consultant's own
 * registration, claims from the pool, 撞单 refused and recorded, follow-ups renewing protection,
 * the timeline, the lists, a manager's assignment and rulings, a leaving consultant's hand-over.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditLog, customers } from '@anchang/db'
import { CONSENT_VERSION } from '@anchang/shared'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'
import { sweepEndedProtection } from './sweep'

const DAY_MS = 86_400_000
let world: TestWorld
let project: { id: string; code: string }
let other: { id: string; code: string }
let people: Record<'director' | 'manager' | 'assistant' | 'zhang' | 'li' | 'wang' | 'outsider', TestUser>

beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject({ channels: ['自然来访', '网络', '中介渠道'] })
  other = world.createProject()
  const member = (role: TestUser['role'], name: string) =>
    world.createUser({ role, projectIds: [project.id], name })
  people = {
    director: await member('director', '周建国'),
    manager: await member('manager', '吴敏'),
    assistant: await member('assistant', '郑丽'),
    zhang: await member('consultant', '张伟'),
    li: await member('consultant', '李娜'),
    wang: await member('consultant', '王芳'),
    outsider: await world.createUser({ role: 'consultant', projectIds: [other.id], name: '外项目顾问' }),
  }
})
afterEach(() => world.close())

const now = () => world.deps.clock()
/** Weeks pass between steps here; the people stay signed in (idle expiry has tests of its own). */
function later(ms: number) {
  world.setNow(new Date(now().getTime() + ms))
  world.database.sqlite.prepare("UPDATE sessions SET expires_at = '9999-12-31T00:00:00.000Z'").run()
}
const as = (who: TestUser) => world.asUser(who).customers
const register = (
  who: TestUser,
  phone: string,
  extra: Partial<Parameters<ReturnType<typeof as>['register']>[0]> = {},
) => as(who).register({ projectId: project.id, phone, kind: 'call', ...extra })
const row = (id: string) => world.database.db.select().from(customers).where(eq(customers.id, id)).get()!
const audits = (action: string) =>
  world.database.db.select().from(auditLog).where(eq(auditLog.action, action)).all()

describe('customers.register', () => {
  it('makes a new number the caller’s customer, protected for 30 days from now, with the call on the timeline', async () => {
    const { customerId, ownerId } = await register(people.zhang, '138 0013 8000', {
      surname: '王',
      title: '先生',
      grade: 'B',
      note: '问三居',
    })
    expect(ownerId).toBe(people.zhang.id)
    const customer = await as(people.zhang).get({ customerId })
    expect(customer).toMatchObject({
      name: '王先生',
      phone: '13800138000',
      ownerId: people.zhang.id,
      grade: 'B',
      protectionEndsAt: new Date(now().getTime() + 30 * DAY_MS).toISOString(),
    })
    expect(customer.activities).toMatchObject([
      { type: 'call', consultantId: people.zhang.id, note: '问三居', late: false },
    ])
  })

  it('claims a number from the pool', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    later(31 * DAY_MS)
    expect((await as(people.li).get({ customerId })).ownerId).toBeNull()
    expect(await register(people.li, '13800138000')).toEqual({ customerId, ownerId: people.li.id })
    expect((await as(people.li).get({ customerId })).ownerId).toBe(people.li.id)
  })

  it('refuses a number someone else protects, naming the owner masked, and records one conflict however often it is tried', async () => {
    const { customerId } = await register(people.zhang, '13800138000', { surname: '王' })
    const before = row(customerId)
    for (let i = 0; i < 2; i++) {
      const refused = await failureOf(register(people.li, '13800138000', { surname: '李', grade: 'A' }))
      expect(refused?.code).toBe('CONFLICT')
      expect(sentenceOf(refused)).toContain('张*')
      expect(sentenceOf(refused)).not.toContain('张伟')
      expect(sentenceOf(refused, 'en')).toContain('张*')
    }
    expect(row(customerId)).toEqual(before)
    expect(await as(people.manager).conflicts({ projectId: project.id, status: 'open' })).toMatchObject([
      { customerId, claimantId: people.li.id, ownerId: people.zhang.id, status: 'open' },
    ])
    expect(audits('customers.register:failed')).toHaveLength(2)
  })

  it('refuses a bad phone and an unknown channel with a sentence naming the field, writing nothing', async () => {
    const bad = await failureOf(register(people.zhang, '12345'))
    expect(bad?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(bad)).toContain('手机号')
    const channel = await failureOf(register(people.zhang, '13800138000', { channel: '飞机' }))
    expect(channel?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(channel)).toContain('飞机')
    expect(world.rowCount('customers')).toBe(0)
  })
})

describe('customers.claim', () => {
  it('takes a pool customer, protection running from the claim whatever the grade', async () => {
    const { customerId } = await register(people.zhang, '13800138000', { grade: 'C' })
    later(30 * DAY_MS)
    // At the exact end of protection the customer is in the pool.
    expect(
      (await as(people.li).list({ projectId: project.id, scope: 'pool' })).items.map((c) => c.id),
    ).toEqual([customerId])
    const claimed = await as(people.li).claim({ customerId })
    expect(claimed).toEqual({
      ownerId: people.li.id,
      protectionEndsAt: new Date(now().getTime() + 30 * DAY_MS).toISOString(),
    })
    const timeline = (await as(people.li).get({ customerId })).activities
    expect(timeline[0]).toMatchObject({ type: 'ownership', consultantId: people.li.id })
  })

  it('refuses an owned customer as a conflict and changes nothing', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    later(30 * DAY_MS - 1)
    const before = row(customerId)
    const refused = await failureOf(as(people.li).claim({ customerId }))
    expect(refused?.code).toBe('CONFLICT')
    expect(sentenceOf(refused)).toContain('张*')
    expect(row(customerId)).toEqual(before)
  })

  it('is refused for a customer of another project', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    later(31 * DAY_MS)
    expect(await outcomeOf(as(people.outsider).claim({ customerId }))).toBe('FORBIDDEN')
  })
})

describe('customers.followUp', () => {
  it('renews protection from when it happened and sets the next follow-up day', async () => {
    const { customerId } = await register(people.zhang, '13800138000', { grade: 'B' })
    later(20 * DAY_MS)
    const happenedAt = new Date(now().getTime() - 3_600_000).toISOString()
    const logged = await as(people.zhang).followUp({
      customerId,
      method: 'wechat',
      happenedAt,
      note: '发了户型图',
      nextFollowUpOn: '2026-03-25',
      grade: 'A',
    })
    expect(logged).toMatchObject({
      late: false,
      protectionEndsAt: new Date(Date.parse(happenedAt) + 30 * DAY_MS).toISOString(),
    })
    expect(await as(people.zhang).get({ customerId })).toMatchObject({
      grade: 'A',
      nextFollowUpOn: '2026-03-25',
      followUpDueOn: '2026-03-25',
    })
  })

  it('flags an entry for an earlier day as late, and a late entry never shortens protection', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    later(2 * DAY_MS)
    const fresh = await as(people.zhang).followUp({
      customerId,
      method: 'call',
      happenedAt: now().toISOString(),
      note: '约周末看房',
    })
    const old = await as(people.zhang).followUp({
      customerId,
      method: 'visit',
      happenedAt: new Date(now().getTime() - DAY_MS).toISOString(),
      note: '昨天来过，补录',
    })
    expect(old.late).toBe(true)
    expect(old.protectionEndsAt).toBe(fresh.protectionEndsAt)
    const timeline = (await as(people.zhang).get({ customerId })).activities
    expect(timeline.map((a) => a.note)).toEqual(['约周末看房', '昨天来过，补录', null])
  })

  it('refuses a follow-up in the future and one by a colleague, changing nothing', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    const before = row(customerId)
    const future = await failureOf(
      as(people.zhang).followUp({
        customerId,
        method: 'call',
        happenedAt: new Date(now().getTime() + 60_000).toISOString(),
        note: '明天',
      }),
    )
    expect(future?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(future)).toContain('发生时间')
    const colleague = await failureOf(
      as(people.li).followUp({
        customerId,
        method: 'call',
        happenedAt: now().toISOString(),
        note: '我也打了',
      }),
    )
    expect(colleague?.code).toBe('FORBIDDEN')
    expect(row(customerId)).toEqual(before)
    expect(world.rowCount('activities')).toBe(1)
  })

  it('accepts a manager’s follow-up for the owner’s customer', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    expect(
      await outcomeOf(
        as(people.manager).followUp({
          customerId,
          method: 'sms',
          happenedAt: now().toISOString(),
          note: '短信提醒开盘',
        }),
      ),
    ).toBe('OK')
  })
})

describe('customers.get', () => {
  it('masks the number for colleagues and assistants, and audits a manager’s full read', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    world.database.db.delete(auditLog).run()
    expect((await as(people.li).get({ customerId })).phone).toBe('138****8000')
    expect((await as(people.assistant).get({ customerId })).phone).toBe('138****8000')
    expect((await as(people.zhang).get({ customerId })).phone).toBe('13800138000')
    expect(audits('customers.viewPhone')).toHaveLength(0)
    expect((await as(people.manager).get({ customerId })).phone).toBe('13800138000')
    expect(audits('customers.viewPhone')).toMatchObject([{ actorId: people.manager.id }])
  })

  it('shows an expired owner as none on every read, whatever the stored row says', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    later(30 * DAY_MS)
    expect(row(customerId).ownerId).toBe(people.zhang.id)
    expect(await as(people.zhang).get({ customerId })).toMatchObject({
      ownerId: null,
      protectionEndsAt: null,
      phone: '138****8000',
    })
  })

  it('answers NOT_FOUND for an unknown id and FORBIDDEN for another project’s customer', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    expect(await outcomeOf(as(people.zhang).get({ customerId: 'nope' }))).toBe('NOT_FOUND')
    expect(await outcomeOf(as(people.outsider).get({ customerId }))).toBe('FORBIDDEN')
  })

  it('takes the reception’s visit onto the timeline with the grade', async () => {
    const kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
    await world.asUser(people.zhang).rotation.signIn({ projectId: project.id })
    const visit = await world
      .asDevice(kiosk)
      .kiosk.checkIn({ phone: '13800138000', surname: '王', consentVersion: CONSENT_VERSION })
    later(20 * 60_000)
    await world
      .asUser(people.zhang)
      .reception.finish({ receptionId: visit.receptionId!, result: 'valid', grade: 'A', note: '意向强' })
    const [found] = await as(people.zhang).search({ projectId: project.id, q: '13800138000' })
    const customer = await as(people.zhang).get({ customerId: found!.id })
    expect(customer).toMatchObject({ ownerId: people.zhang.id, grade: 'A' })
    expect(customer.activities).toMatchObject([
      { type: 'visit', note: '意向强', grade: 'A', consultantId: people.zhang.id },
    ])
  })
})

describe('customers.list', () => {
  it('lists mine, the team’s and the pool, each protected or not on the clock', async () => {
    const a = (await register(people.zhang, '13800138001')).customerId
    later(10 * DAY_MS)
    const b = (await register(people.li, '13800138002')).customerId
    later(21 * DAY_MS)
    const c = (await register(people.zhang, '13800138003')).customerId
    const ids = async (who: TestUser, scope: 'mine' | 'team' | 'pool') =>
      (await as(who).list({ projectId: project.id, scope })).items.map((i) => i.id)
    expect(await ids(people.zhang, 'mine')).toEqual([c])
    expect(await ids(people.li, 'mine')).toEqual([b])
    expect(await ids(people.manager, 'team')).toEqual([c, b])
    expect(await ids(people.li, 'pool')).toEqual([a])
    expect(await outcomeOf(as(people.zhang).list({ projectId: project.id, scope: 'team' }))).toBe('FORBIDDEN')
  })

  it('lists overdue follow-ups by grade cadence, soonest due first, from the day after the due day', async () => {
    const a = (await register(people.zhang, '13800138001', { grade: 'A' })).customerId // due in 3 days
    const b = (await register(people.zhang, '13800138002', { grade: 'B' })).customerId // due in 7 days
    const overdue = async () =>
      (await as(people.zhang).list({ projectId: project.id, scope: 'mine', overdue: true })).items.map(
        (i) => i.id,
      )
    later(3 * DAY_MS)
    expect(await overdue()).toEqual([])
    expect(
      (await as(people.zhang).list({ projectId: project.id, scope: 'mine', due: true })).items.map(
        (i) => i.id,
      ),
    ).toEqual([a])
    later(DAY_MS)
    expect(await overdue()).toEqual([a])
    later(4 * DAY_MS)
    expect(await overdue()).toEqual([a, b])
    expect(
      (await as(people.zhang).list({ projectId: project.id, scope: 'mine', grade: 'B' })).items.map(
        (i) => i.id,
      ),
    ).toEqual([b])
  })

  it('pages with a cursor without losing or repeating anyone', async () => {
    const made: string[] = []
    for (let i = 0; i < 7; i++) {
      made.push((await register(people.zhang, `1380013800${i}`)).customerId)
      later(60_000)
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await as(people.zhang).list({ projectId: project.id, scope: 'mine', limit: 3, cursor })
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(made.reverse())
  })

  it('searches within the list by number fragment or name', async () => {
    await register(people.zhang, '13800138001', { surname: '王' })
    const b = (await register(people.zhang, '13900139002', { surname: '赵' })).customerId
    expect(
      (await as(people.zhang).list({ projectId: project.id, scope: 'mine', q: '赵' })).items.map((i) => i.id),
    ).toEqual([b])
    expect(
      (await as(people.zhang).list({ projectId: project.id, scope: 'mine', q: '9002' })).items.map(
        (i) => i.id,
      ),
    ).toEqual([b])
  })
})

describe('customers.assign', () => {
  it('moves every customer to the consultant with the reason on each timeline, counting those already theirs', async () => {
    const a = (await register(people.zhang, '13800138001')).customerId
    const b = (await register(people.li, '13800138002')).customerId
    expect(
      await as(people.manager).assign({
        customerIds: [a, b],
        consultantId: people.li.id,
        reason: '客户要求换顾问',
      }),
    ).toEqual({ count: 2 })
    expect((await as(people.li).get({ customerId: a })).ownerId).toBe(people.li.id)
    expect((await as(people.li).get({ customerId: a })).activities[0]).toMatchObject({
      type: 'ownership',
      note: '客户要求换顾问',
    })
  })

  it('moves none when one of them is of another project, or the consultant is not of this one', async () => {
    const a = (await register(people.zhang, '13800138001')).customerId
    await world.asUser(people.outsider).rotation.signIn({ projectId: other.id })
    const before = row(a)
    const stranger = await failureOf(
      as(people.manager).assign({
        customerIds: [a, 'not-a-customer'],
        consultantId: people.li.id,
        reason: '调整',
      }),
    )
    expect(stranger?.code).toBe('NOT_FOUND')
    const outsider = await failureOf(
      as(people.manager).assign({ customerIds: [a], consultantId: people.outsider.id, reason: '调整' }),
    )
    expect(outsider?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(outsider)).toContain('置业顾问')
    expect(row(a)).toEqual(before)
  })

  it('refuses an empty reason', async () => {
    const a = (await register(people.zhang, '13800138001')).customerId
    const empty = await failureOf(
      as(people.manager).assign({ customerIds: [a], consultantId: people.li.id, reason: '  ' }),
    )
    expect(empty?.code).toBe('BAD_REQUEST')
  })
})

describe('customers.reassignLeaving', () => {
  it('deals a leaving consultant’s customers out in turn and lists where each went', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await register(people.zhang, `1380013800${i}`)).customerId)
    const dealt = await as(people.manager).reassignLeaving({
      projectId: project.id,
      fromConsultantId: people.zhang.id,
      toConsultantIds: [people.li.id, people.wang.id],
      reason: '张伟离职',
    })
    expect(dealt.map((d) => d.customerId).sort()).toEqual([...ids].sort())
    expect(dealt.filter((d) => d.toId === people.li.id)).toHaveLength(3)
    expect(dealt.filter((d) => d.toId === people.wang.id)).toHaveLength(2)
    expect((await as(people.zhang).list({ projectId: project.id, scope: 'mine' })).items).toEqual([])
    for (const d of dealt)
      expect((await as(people.manager).get({ customerId: d.customerId })).ownerId).toBe(d.toId)
  })
})

describe('customers.resolveConflict', () => {
  it('gives the customer to the claimant when the manager rules so, once', async () => {
    const { customerId } = await register(people.zhang, '13800138000')
    await failureOf(register(people.li, '13800138000'))
    const [conflict] = await as(people.manager).conflicts({ projectId: project.id })
    await as(people.manager).resolveConflict({
      conflictId: conflict!.conflictId,
      ownerId: people.li.id,
      reason: '李娜先接触的客户',
    })
    expect((await as(people.manager).get({ customerId })).ownerId).toBe(people.li.id)
    expect(await as(people.manager).conflicts({ projectId: project.id, status: 'open' })).toEqual([])
    const again = await failureOf(
      as(people.director).resolveConflict({
        conflictId: conflict!.conflictId,
        ownerId: people.zhang.id,
        reason: '改判',
      }),
    )
    expect(again?.code).toBe('CONFLICT')
    expect((await as(people.manager).get({ customerId })).ownerId).toBe(people.li.id)
  })

  it('refuses a ruling for a third consultant', async () => {
    await register(people.zhang, '13800138000')
    await failureOf(register(people.li, '13800138000'))
    const [conflict] = await as(people.manager).conflicts({ projectId: project.id })
    const wrong = await failureOf(
      as(people.manager).resolveConflict({
        conflictId: conflict!.conflictId,
        ownerId: people.wang.id,
        reason: '给王芳',
      }),
    )
    expect(wrong?.code).toBe('BAD_REQUEST')
    expect((await as(people.manager).conflicts({ projectId: project.id, status: 'open' })).length).toBe(1)
  })
})

describe('the sweep of ended protections', () => {
  it('clears the due day of customers whose protection ended, leaves the rest, and a claim sets it again', async () => {
    const lapsed = await register(people.zhang, '13800138000', { grade: 'A' })
    later(20 * DAY_MS)
    const kept = await register(people.li, '13900139000', { grade: 'A' })
    later(11 * DAY_MS)
    const before = world.deps.clock()

    expect(sweepEndedProtection(world.database.db, before)).toBe(1)
    expect(row(lapsed.customerId).followUpDueOn).toBeNull()
    expect(row(kept.customerId).followUpDueOn).not.toBeNull()
    // What every read said before the sweep, it says after: the lapsed customer is in the pool.
    const pool = await as(people.wang).list({ projectId: project.id, scope: 'pool' })
    expect(pool.items.map((c) => c.id)).toEqual([lapsed.customerId])
    expect(sweepEndedProtection(world.database.db, before)).toBe(0)

    await as(people.wang).claim({ customerId: lapsed.customerId })
    expect(row(lapsed.customerId).followUpDueOn).not.toBeNull()
  })
})

describe('customers.update', () => {
  it('keeps name, tags, notes and other numbers, and search finds the customer by another number', async () => {
    const { customerId } = await register(people.zhang, '13800138000', { surname: '王', title: '先生' })
    const answer = await as(people.zhang).update({
      customerId,
      fullName: '王建国',
      tags: ['学区房', '改善', '学区房'],
      notes: '太太做决定',
      addPhones: ['139 0013 9000'],
    })
    expect(answer.otherPhones).toEqual(['13900139000'])
    expect(row(customerId)).toMatchObject({
      fullName: '王建国',
      searchName: '王建国',
      tags: ['学区房', '改善'],
      notes: '太太做决定',
    })
    expect(
      (await as(people.zhang).search({ projectId: project.id, q: '13900139000' })).map((c) => c.id),
    ).toEqual([customerId])
    expect((await as(people.zhang).search({ projectId: project.id, q: '王建' })).map((c) => c.id)).toEqual([
      customerId,
    ])
    expect(audits('customers.update')).toHaveLength(1)

    await as(people.zhang).update({ customerId, removePhones: ['13900139000'], notes: null })
    expect(row(customerId).notes).toBeNull()
    expect((await as(people.zhang).get({ customerId })).otherPhones).toEqual([])
  })

  it('refuses a number another customer has, and someone who is not the owner, changing nothing', async () => {
    const { customerId } = await register(people.zhang, '13800138000', { surname: '王', title: '先生' })
    await register(people.li, '13900139000')
    const taken = await failureOf(
      as(people.zhang).update({ customerId, tags: ['改善'], addPhones: ['13700137000', '13900139000'] }),
    )
    expect(taken?.code).toBe('CONFLICT')
    expect(sentenceOf(taken)).toBe('号码 139****9000 已是本项目另一位客户的号码，一个号码只能属于一位客户。')
    expect((await as(people.zhang).get({ customerId })).otherPhones).toEqual([])
    expect(row(customerId).tags ?? []).toEqual([])

    const stranger = await failureOf(as(people.li).update({ customerId, notes: '我的' }))
    expect(stranger?.code).toBe('FORBIDDEN')
    expect(row(customerId).notes).toBeNull()
    await as(people.manager).update({ customerId, notes: '经理备注' })
    expect(row(customerId).notes).toBe('经理备注')
  })
})
