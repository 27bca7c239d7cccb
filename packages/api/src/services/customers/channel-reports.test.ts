/**
 * 渠道报备 through `channelReports.*` (CONTRACT.md): a partner's report credits its channel when the
 * customer visits inside the window, expires untouched, refuses duplicates and protected customers,
 * matches by 前三后四 where the project says so, and 到访为王 keeps an earlier visit's channel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONSENT_VERSION } from '@anchang/shared'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import { createTestWorld, type TestDevice, type TestUser, type TestWorld } from '../../testing'

const DAY_MS = 86_400_000
let world: TestWorld
let project: { id: string; code: string }
let kiosk: TestDevice
let people: Record<'manager' | 'zhang' | 'li' | 'lianjia' | 'woai', TestUser>

beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject({ channels: ['自然来访', '网络', '中介渠道'] })
  const member = (role: TestUser['role'], name: string, agency?: string) =>
    world.createUser({ role, projectIds: [project.id], name, ...(agency ? { agency } : {}) })
  people = {
    manager: await member('manager', '吴敏'),
    zhang: await member('consultant', '张伟'),
    li: await member('consultant', '李娜'),
    lianjia: await member('channel', '链家经纪', '链家地产'),
    woai: await member('channel', '我爱我家经纪', '我爱我家'),
  }
  kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
  await world.asUser(people.zhang).rotation.signIn({ projectId: project.id })
  await world.asUser(people.li).rotation.signIn({ projectId: project.id })
})
afterEach(() => world.close())

const now = () => world.deps.clock()
function later(ms: number) {
  world.setNow(new Date(now().getTime() + ms))
  world.database.sqlite.prepare("UPDATE sessions SET expires_at = '9999-12-31T00:00:00.000Z'").run()
}
const report = (who: TestUser, phone: string, channel = '中介渠道') =>
  world.asUser(who).channelReports.create({
    projectId: project.id,
    phone,
    channel,
    agentName: '刘经纪',
    agentPhone: '13700137000',
  })
const reports = (who: TestUser, status?: 'valid' | 'visited' | 'dealt' | 'invalid' | 'expired') =>
  world.asUser(who).channelReports.list({ projectId: project.id, ...(status ? { status } : {}) })
const visit = (phone: string, channel = '自然来访') =>
  world.asDevice(kiosk).kiosk.checkIn({ phone, surname: '王', channel, consentVersion: CONSENT_VERSION })
async function customerOf(phone: string) {
  const [found] = await world.asUser(people.manager).customers.search({ projectId: project.id, q: phone })
  return world.asUser(people.manager).customers.get({ customerId: found!.id })
}
const setOwnership = (ownership: Record<string, unknown>) =>
  world.asUser(people.manager).projects.updateSettings({ projectId: project.id, settings: { ownership } })

describe('channelReports.create and a visit inside the window', () => {
  it('credits the report’s channel whatever the visitor chose, and the report moves to visited', async () => {
    const { expiresAt } = await report(people.lianjia, '13800138000')
    expect(expiresAt).toBe(new Date(now().getTime() + 15 * DAY_MS).toISOString())
    later(3 * DAY_MS)
    await visit('13800138000', '自然来访')
    expect((await customerOf('13800138000')).channel).toBe('中介渠道')
    expect(await reports(people.lianjia)).toMatchObject([
      {
        phone: '13800138000',
        channel: '中介渠道',
        agentName: '刘经纪',
        agency: '链家地产',
        status: 'visited',
        customerId: null,
      },
    ])
  })

  it('shows a report past its window as expired without anyone touching it, and the late visit credits nothing', async () => {
    await report(people.lianjia, '13800138000')
    later(15 * DAY_MS)
    expect(await reports(people.lianjia)).toMatchObject([{ status: 'expired' }])
    expect(await reports(people.lianjia, 'expired')).toHaveLength(1)
    expect(await reports(people.lianjia, 'valid')).toHaveLength(0)
    await visit('13800138000', '网络')
    expect((await customerOf('13800138000')).channel).toBe('网络')
  })

  it('refuses a second report of a number while the first is valid, from any partner', async () => {
    await report(people.lianjia, '13800138000')
    const twice = await failureOf(report(people.woai, '138-0013-8000'))
    expect(twice?.code).toBe('CONFLICT')
    expect(sentenceOf(twice)).toContain('已有有效的报备')
    expect(world.rowCount('channel_reports')).toBe(1)
    later(15 * DAY_MS)
    expect(await outcomeOf(report(people.woai, '13800138000'))).toBe('OK')
  })

  it('refuses a report of a customer someone protects', async () => {
    await world
      .asUser(people.zhang)
      .customers.register({ projectId: project.id, phone: '13800138000', kind: 'call' })
    const refused = await failureOf(report(people.lianjia, '13800138000'))
    expect(refused?.code).toBe('CONFLICT')
    expect(sentenceOf(refused, 'en')).toContain('protected customer')
  })

  it('refuses a bad number and an unknown channel, naming the field', async () => {
    const bad = await failureOf(report(people.lianjia, '1380013'))
    expect(bad?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(bad)).toContain('手机号')
    const channel = await failureOf(report(people.lianjia, '13800138000', '朋友圈'))
    expect(channel?.code).toBe('BAD_REQUEST')
    expect(world.rowCount('channel_reports')).toBe(0)
  })
})

describe('前三后四', () => {
  it('needs the whole number unless the project matches by first 3 and last 4 digits', async () => {
    const partial = await failureOf(report(people.lianjia, '138****8000'))
    expect(partial?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(partial)).toContain('完整的 11 位')
  })

  it('matches a partial report to the visitor’s number, and the partner never learns the rest', async () => {
    await setOwnership({ channelReportMatch: 'first3last4' })
    await report(people.lianjia, '138****8000')
    expect(await outcomeOf(report(people.woai, '13811118000'))).toBe('CONFLICT')
    await visit('13822228000')
    expect((await customerOf('13822228000')).channel).toBe('中介渠道')
    expect(await reports(people.lianjia)).toMatchObject([{ phone: '138****8000', status: 'visited' }])
  })
})

describe('到访为王', () => {
  it('marks a report after the customer’s own visit invalid, and the visit keeps its channel', async () => {
    await visit('13800138000', '网络')
    later(DAY_MS)
    await report(people.lianjia, '13800138000')
    expect(await reports(people.lianjia)).toMatchObject([
      { status: 'invalid', invalidReason: 'visitedBefore' },
    ])
    later(DAY_MS)
    await visit('13800138000', '自然来访')
    expect((await customerOf('13800138000')).channel).toBe('网络')
  })

  it('lets the report credit the next visit when the project says the report wins', async () => {
    await setOwnership({ reportAfterVisit: 'reportWins' })
    const first = await visit('13800138000', '网络')
    await world.asUser(people.zhang).reception.finish({ receptionId: first.receptionId!, result: 'invalid' })
    later(DAY_MS)
    await report(people.lianjia, '13800138000')
    later(DAY_MS)
    await visit('13800138000')
    expect((await customerOf('13800138000')).channel).toBe('中介渠道')
  })
})

describe('channelReports.list', () => {
  it('shows a partner only its own reports, and staff all of them with the number masked for consultants', async () => {
    await report(people.lianjia, '13800138001')
    later(60_000)
    await report(people.woai, '13800138002')
    expect((await reports(people.lianjia)).map((r) => r.phone)).toEqual(['13800138001'])
    expect((await reports(people.woai)).map((r) => r.phone)).toEqual(['13800138002'])
    expect((await reports(people.zhang)).map((r) => r.phone)).toEqual(['138****8002', '138****8001'])
    expect((await reports(people.manager)).map((r) => r.agency)).toEqual(['我爱我家', '链家地产'])
  })

  it('never lets a partner read the book', async () => {
    expect(
      await outcomeOf(world.asUser(people.lianjia).customers.search({ projectId: project.id, q: '138' })),
    ).toBe('FORBIDDEN')
    expect(
      await outcomeOf(world.asUser(people.lianjia).customers.list({ projectId: project.id, scope: 'pool' })),
    ).toBe('FORBIDDEN')
    expect(await outcomeOf(world.asUser(people.lianjia).rotation.board({ projectId: project.id }))).toBe(
      'FORBIDDEN',
    )
  })
})

describe('channelReports.invalidate', () => {
  it('marks a report invalid with the manager’s reason; it no longer blocks or credits', async () => {
    const { reportId } = await report(people.lianjia, '13800138000')
    await world.asUser(people.manager).channelReports.invalidate({ reportId, reason: '客户否认由该渠道介绍' })
    expect(await reports(people.lianjia)).toMatchObject([
      { status: 'invalid', invalidReason: '客户否认由该渠道介绍' },
    ])
    await visit('13800138000', '网络')
    expect((await customerOf('13800138000')).channel).toBe('网络')
  })
})
