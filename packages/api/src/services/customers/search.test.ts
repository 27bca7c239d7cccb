/**
 * customers.search (CONTRACT.md): by full number, fragment or name; the full number only for the
 * customer's owner, managers and directors, and a manager's or director's read of someone else's
 * customer is audited (DOMAIN.md "People and what they do").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditLog } from '@anchang/db'
import { CONSENT_VERSION } from '@anchang/shared'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'

let world: TestWorld
let project: { id: string; code: string }
let people: Record<'director' | 'manager' | 'assistant' | 'owner' | 'colleague', TestUser>
let customerId: string

beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject()
  const member = (role: TestUser['role'], name: string) =>
    world.createUser({ role, projectIds: [project.id], name })
  people = {
    director: await member('director', '周建国'),
    manager: await member('manager', '吴敏'),
    assistant: await member('assistant', '郑丽'),
    owner: await member('consultant', '张伟'),
    colleague: await member('consultant', '李娜'),
  }
  // 张伟 receives 王女士 and grades her B: she is his customer.
  await world.asUser(people.owner).rotation.signIn({ projectId: project.id })
  await world.asUser(people.colleague).rotation.signIn({ projectId: project.id })
  const kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
  const visit = await world
    .asDevice(kiosk)
    .kiosk.checkIn({ phone: '13812345678', surname: '王', title: '女士', consentVersion: CONSENT_VERSION })
  await world
    .asUser(people.owner)
    .reception.finish({ receptionId: visit.receptionId!, result: 'valid', grade: 'B' })
  // And a public-pool customer nobody owns.
  const pool = await world.asDevice(kiosk).kiosk.checkIn({ phone: '13987654321', surname: '赵' })
  await world
    .asUser(people.colleague)
    .reception.finish({ receptionId: pool.receptionId!, result: 'valid', grade: 'D' })
  customerId = (
    await world.asUser(people.owner).customers.search({ projectId: project.id, q: '13812345678' })
  )[0]!.id
  world.database.db.delete(auditLog).run()
})
afterEach(() => world.close())

const search = (who: TestUser, q: string) => world.asUser(who).customers.search({ projectId: project.id, q })
const phoneReads = () =>
  world.database.db.select().from(auditLog).where(eq(auditLog.action, 'customers.viewPhone')).all()

describe('customers.search', () => {
  it('finds a customer by full number, a fragment or a surname, with the contract’s fields', async () => {
    for (const q of ['13812345678', '+86 138-1234-5678', '5678', '王']) {
      expect(await search(people.owner, q)).toEqual([
        {
          id: customerId,
          name: '王女士',
          phone: '13812345678',
          ownerId: people.owner.id,
          ownerName: people.owner.name,
          grade: 'B',
        },
      ])
    }
    expect(await search(people.owner, '李')).toEqual([])
  })

  it('shows the full number to the owner without auditing the read', async () => {
    expect((await search(people.owner, '王'))[0]!.phone).toBe('13812345678')
    expect(phoneReads()).toEqual([])
  })

  it.each(['assistant', 'colleague'] as const)(
    'masks the number for the %s, whatever they search by',
    async (who) => {
      for (const q of ['13812345678', '王', '5678', '138', '1385678', '138****5678']) {
        const [found] = await search(people[who], q)
        expect(found, q).toMatchObject({ id: customerId, phone: '138****5678', ownerId: people.owner.id })
      }
      expect(phoneReads()).toEqual([])
    },
  )

  it('masks a public-pool customer for consultants too: nobody owns them', async () => {
    const [found] = await search(people.colleague, '赵')
    expect(found).toMatchObject({ phone: '139****4321', ownerId: null, grade: 'D' })
  })

  it.each(['manager', 'director'] as const)(
    'shows the full number to the %s and audits the read',
    async (who) => {
      const [found] = await search(people[who], '王')
      expect(found!.phone).toBe('13812345678')
      const reads = phoneReads()
      expect(reads).toHaveLength(1)
      expect(reads[0]).toMatchObject({
        actorType: 'user',
        actorId: people[who].id,
        actorName: people[who].name,
        projectId: project.id,
        summary: { customerIds: [customerId] },
      })
      expect(JSON.stringify(reads[0]), 'the audit names the customer, not the number').not.toContain(
        '13812345678',
      )
    },
  )

  it('a search that finds nobody leaves no audit entry', async () => {
    await search(people.manager, '13800000000')
    expect(phoneReads()).toEqual([])
  })

  it('sees only the project asked about, and a person of another project is refused', async () => {
    const other = world.createProject()
    const outsider = await world.createUser({ role: 'manager', projectIds: [other.id] })
    await expect(search(outsider, '王')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await world.asUser(outsider).customers.search({ projectId: other.id, q: '王' })).toEqual([])
  })

  it('treats % and _ as themselves, not as wildcards', async () => {
    expect(await search(people.manager, '%')).toEqual([])
    expect(await search(people.manager, '_')).toEqual([])
  })

  it.each(['assistant', 'colleague'] as const)(
    'cannot spell out the hidden middle digit by digit: the %s matches only what the mask shows',
    async (who) => {
      // The attack: try every pair of digits and watch which ones bring 138****5678 back. Only pairs
      // inside the visible 138 and 5678 may; one that does from the middle would give a digit away.
      const matching: string[] = []
      for (let n = 0; n < 100; n++) {
        const pair = String(n).padStart(2, '0')
        if ((await search(people[who], pair)).some((c) => c.id === customerId)) matching.push(pair)
      }
      expect(matching.sort()).toEqual(['13', '38', '56', '67', '78'])
      for (const middle of ['1234', '81234', '12345', '2345678', '13812']) {
        expect(await search(people[who], middle), middle).toEqual([])
      }
      // What the mask shows finds them: the last four (尾号), 前三后四, and the mask itself.
      for (const shown of ['5678', '1385678', '138****5678']) {
        expect(
          (await search(people[who], shown)).map((c) => c.id),
          shown,
        ).toEqual([customerId])
      }
    },
  )

  it('the owner and managers still find a customer by any fragment of the number', async () => {
    for (const who of ['owner', 'manager'] as const) {
      expect(
        (await search(people[who], '1234')).map((c) => c.id),
        who,
      ).toEqual([customerId])
    }
  })

  it('names no owner whose protection has ended, and the lapsed owner sees the number masked', async () => {
    world.setNow(new Date(world.deps.clock().getTime() + 31 * 86_400_000))
    const [found] = await search(people.manager, '王')
    expect(found).toMatchObject({ id: customerId, ownerId: null, ownerName: null })
    const [lapsed] = await search(people.owner, '王')
    expect(lapsed).toMatchObject({ phone: '138****5678', ownerId: null })
    expect(await search(people.owner, '1234'), 'nor can the lapsed owner match hidden digits').toEqual([])
  })
})
