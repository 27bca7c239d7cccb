/**
 * PIPL: a customer's data exported on request and erased — gone from everywhere it was written,
 * the anonymous counts kept, the erasure audited, and the number a stranger when it comes again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditLog } from '@anchang/db'
import { CONSENT_VERSION } from '@anchang/shared'
import { failureOf, outcomeOf } from '../../authz-matrix'
import { createTestWorld, type TestDevice, type TestUser, type TestWorld } from '../../testing'

let world: TestWorld
let project: { id: string; code: string }
let kiosk: TestDevice
let people: Record<'manager' | 'zhang', TestUser>
let customerId: string

beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject()
  people = {
    manager: await world.createUser({ role: 'manager', projectIds: [project.id], name: '吴敏' }),
    zhang: await world.createUser({ role: 'consultant', projectIds: [project.id], name: '张伟' }),
  }
  kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
  await world.asUser(people.zhang).rotation.signIn({ projectId: project.id })
  const visit = await world
    .asDevice(kiosk)
    .kiosk.checkIn({ phone: '13812345678', surname: '王', title: '女士', consentVersion: CONSENT_VERSION })
  await world.asUser(people.zhang).reception.finish({
    receptionId: visit.receptionId!,
    result: 'valid',
    grade: 'A',
    note: '想要学区房，预算 300 万',
  })
  customerId = (
    await world.asUser(people.manager).customers.search({ projectId: project.id, q: '13812345678' })
  )[0]!.id
  await world.asUser(people.zhang).customers.followUp({
    customerId,
    method: 'wechat',
    happenedAt: world.deps.clock().toISOString(),
    note: '她女儿明年上小学',
  })
})
afterEach(() => world.close())

/** Every text cell of every table, to look for the number or the notes anywhere. */
function everything(): string {
  const { sqlite } = world.database
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[]
  return JSON.stringify(tables.map(({ name }) => sqlite.prepare(`SELECT * FROM "${name}"`).all()))
}

describe('customers.personalData', () => {
  it('gives a manager everything held about the customer, and audits it', async () => {
    const data = await world.asUser(people.manager).customers.personalData({ customerId })
    expect(data.customer).toMatchObject({ name: '王女士', phones: ['13812345678'], grade: 'A' })
    expect(data.checkIns).toMatchObject([{ surname: '王', consentVersion: CONSENT_VERSION }])
    expect(data.receptions).toMatchObject([{ note: '想要学区房，预算 300 万' }])
    expect(data.activities.map((a) => a.note)).toEqual(['想要学区房，预算 300 万', '她女儿明年上小学'])
    expect(
      world.database.db.select().from(auditLog).where(eq(auditLog.action, 'customers.personalData')).all(),
    ).toHaveLength(1)
    expect(await outcomeOf(world.asUser(people.zhang).customers.personalData({ customerId }))).toBe(
      'FORBIDDEN',
    )
  })
})

describe('customers.erase', () => {
  it('leaves neither the number nor the notes anywhere, keeps the counts, and audits the erasure with its reason', async () => {
    expect(everything()).toContain('13812345678')
    await world.asUser(people.manager).customers.erase({ customerId, reason: '客户书面申请删除个人信息' })
    const all = everything()
    expect(all).not.toContain('13812345678')
    expect(all).not.toContain('学区房')
    expect(all).not.toContain('明年上小学')
    expect(world.rowCount('activities')).toBe(2)
    expect(world.rowCount('receptions')).toBe(1)
    const customer = await world.asUser(people.manager).customers.get({ customerId })
    expect(customer).toMatchObject({ erased: true, name: '', grade: 'A', ownerId: null })
    const [entry] = world.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'customers.erase'))
      .all()
    expect(JSON.stringify(entry!.summary)).toContain('客户书面申请删除个人信息')
    expect(
      await world.asUser(people.manager).customers.search({ projectId: project.id, q: '13812345678' }),
    ).toEqual([])
  })

  it('makes the number a new customer when it visits again', async () => {
    await world.asUser(people.manager).customers.erase({ customerId, reason: '客户申请' })
    const again = await world
      .asDevice(kiosk)
      .kiosk.checkIn({ phone: '13812345678', consentVersion: CONSENT_VERSION })
    expect(again).toMatchObject({ outcome: 'assigned', reason: 'rotation' })
    const [found] = await world
      .asUser(people.manager)
      .customers.search({ projectId: project.id, q: '13812345678' })
    expect(found!.id).not.toBe(customerId)
  })

  it('is refused while the customer is inside, and twice', async () => {
    await world.asDevice(kiosk).kiosk.checkIn({ phone: '13812345678', consentVersion: CONSENT_VERSION })
    expect(
      (await failureOf(world.asUser(people.manager).customers.erase({ customerId, reason: '申请' })))?.code,
    ).toBe('CONFLICT')
    expect(everything()).toContain('13812345678')
  })
})
