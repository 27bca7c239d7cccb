import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '@anchang/db'
import {
  AUTHZ_MATRIX,
  PROCEDURES,
  callerFor,
  createAuthzFixture,
  invoke,
  outcomeOf,
  type AuthzFixture,
  type AuthzRow,
} from '../../authz-matrix'
import { redact } from '../audit'
import {
  createTestManagement,
  TEST_PASSWORD,
  type TestProject,
  type TestUser,
  type TestWorld,
} from '../../testing'

const procedures = PROCEDURES
const rows = AUTHZ_MATRIX as Record<string, AuthzRow<unknown>>
// A mutation without a row fails the authorization matrix already; it joins here once it has one.
// A file's parts on their way, and asking again for a check already made, change nothing but an
// upload's progress in memory: the import's start names the file, and its confirmation, cancelling
// and what it wrote are entries of their own.
const UNAUDITED = new Set(['customers.importPart', 'customers.importCheck'])
const mutations = Object.keys(procedures).filter(
  (path) => procedures[path]!._def.type === 'mutation' && path in rows && !UNAUDITED.has(path),
)

const allEntries = (world: TestWorld) => world.database.db.select().from(auditLog).all()

describe('every mutation leaves an audit entry', () => {
  let f: AuthzFixture
  beforeEach(async () => {
    f = await createAuthzFixture()
  })
  afterEach(() => f.world.close())

  it.each(mutations)('%s: who, what and which project', async (path) => {
    const row = rows[path]!
    // The caller a real client would be: nobody for the public ones, else the first allowed.
    const actor = row.allowed.includes('anonymous') ? 'anonymous' : row.allowed[0]!
    const result = await invoke(callerFor(f, actor), path, 'mutation', row.input(f))

    const entries = allEntries(f.world).filter((e) => e.action === path)
    expect(entries, `one ${path} entry`).toHaveLength(1)
    const entry = entries[0]!
    if (path === 'auth.login') {
      expect(entry).toMatchObject({
        actorType: 'user',
        actorId: f.people.consultant.id,
        actorName: f.people.consultant.name,
      })
    } else if (actor === 'anonymous') {
      expect(entry).toMatchObject({ actorType: 'anonymous', actorId: null })
    } else if (actor === 'kiosk' || actor === 'board') {
      expect(entry).toMatchObject({ actorType: 'device', actorId: f.devices[actor].id })
    } else {
      expect(entry).toMatchObject({
        actorType: 'user',
        actorId: f.people[actor].id,
        actorName: f.people[actor].name,
      })
    }
    const project = path.startsWith('auth.')
      ? null
      : path === 'projects.create'
        ? (result as { id: string }).id
        : f.projectA.id
    expect(entry.projectId, `${path} is filed under its project`).toBe(project)
    expect(entry.at).toBe(f.world.deps.clock().toISOString())
  })
})

describe('audit', () => {
  let world: TestWorld, project: TestProject, director: TestUser, manager: TestUser
  beforeEach(async () => {
    ;({ world, project, director, manager } = await createTestManagement())
  })
  afterEach(() => world.close())

  it('never keeps a password, PIN, device token or pairing code', async () => {
    const secrets = ['Pw-Alpha-7731', 'Pw-Bravo-8842', 'Pw-Charlie-9953', '9513']
    const created = await world.asUser(manager).staff.create({
      username: 'li.na',
      name: '李娜',
      role: 'consultant',
      password: secrets[0]!,
      projectIds: [project.id],
      pin: secrets[3]!,
    })
    await world.asUser(manager).staff.resetPassword({ userId: created.id, newPassword: secrets[1]! })
    await world.asUser(manager).staff.update({ userId: created.id, pin: '7531' })
    await world
      .anonymous()
      .auth.login({ username: 'li.na', password: 'Pw-Wrong-0000' })
      .catch(() => undefined)
    await world.anonymous().auth.login({ username: 'li.na', password: secrets[1]! })
    await world
      .asUser(director)
      .auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: secrets[2]! })
    const paired = await world
      .asUser(manager)
      .devices.pair({ projectId: project.id, kind: 'kiosk', name: '前台' })
    const { code } = await world
      .asUser(manager)
      .devices.createPairingCode({ projectId: project.id, kind: 'board', name: '看板' })
    await world
      .anonymous()
      .devices.claim({ code })
      .catch(() => undefined)

    const stored = JSON.stringify(allEntries(world))
    for (const secret of [...secrets, '7531', 'Pw-Wrong-0000', TEST_PASSWORD, paired.token, code]) {
      expect(stored, `the audit log holds ${secret}`).not.toContain(secret)
    }
    // What was done stays readable.
    const create = allEntries(world).find((e) => e.action === 'staff.create')
    expect(create?.summary).toMatchObject({
      username: 'li.na',
      name: '李娜',
      role: 'consultant',
      password: '***',
      pin: '***',
    })
  })

  it('records a failed sign-in with the username tried', async () => {
    await outcomeOf(world.anonymous().auth.login({ username: manager.username, password: 'guessing-123' }))
    const failed = allEntries(world).filter((e) => e.action === 'auth.login:failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]!.summary).toEqual({ username: manager.username, password: '***' })
  })

  it('directors read the project’s trail newest first, page by page with nextCursor', async () => {
    for (let i = 1; i <= 7; i++) {
      await world.asUser(manager).projects.update({ projectId: project.id, name: `第 ${i} 次改名` })
    }
    const caller = world.asUser(director)
    const everything = await caller.audit.list({ projectId: project.id, limit: 200 })
    expect(everything.nextCursor).toBeNull()
    expect(everything.entries.filter((e) => e.action === 'projects.update').map((e) => e.summary)).toEqual(
      [7, 6, 5, 4, 3, 2, 1].map((i) => ({ projectId: project.id, name: `第 ${i} 次改名` })),
    )

    const seen: number[] = []
    let cursor: number | undefined
    let pages = 0
    for (;;) {
      const page = await caller.audit.list({
        projectId: project.id,
        limit: 3,
        ...(cursor === undefined ? {} : { cursor }),
      })
      expect(page.entries.length).toBeLessThanOrEqual(3)
      seen.push(...page.entries.map((e) => e.id))
      pages += 1
      if (page.nextCursor === null) break
      cursor = page.nextCursor
    }
    expect(seen).toEqual(everything.entries.map((e) => e.id))
    expect(pages).toBe(Math.ceil(everything.entries.length / 3))
  })

  it('shows this project’s entries and its members’ sign-ins, not another project’s', async () => {
    const other = world.createProject()
    const outsider = await world.createUser({ role: 'manager', projectIds: [other.id] })
    await world.asUser(outsider).projects.update({ projectId: other.id, name: '别的项目' })
    await world.anonymous().auth.login({ username: outsider.username, password: TEST_PASSWORD })
    await world.anonymous().auth.login({ username: manager.username, password: TEST_PASSWORD })
    await world.asUser(manager).projects.update({ projectId: project.id, name: '本项目' })

    const { entries } = await world.asUser(director).audit.list({ projectId: project.id })
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ['projects.update', manager.id],
      ['auth.login', manager.id],
    ])
  })

  it('filters by action and by person', async () => {
    await world.asUser(manager).projects.update({ projectId: project.id, name: '甲' })
    await world.asUser(director).projects.update({ projectId: project.id, name: '乙' })
    await world.asUser(director).projects.updateSettings({ projectId: project.id, settings: {} })
    const caller = world.asUser(director)
    const byAction = await caller.audit.list({ projectId: project.id, action: 'projects.update' })
    expect(byAction.entries.map((e) => e.actorId)).toEqual([director.id, manager.id])
    const byPerson = await caller.audit.list({ projectId: project.id, actorId: director.id })
    expect(byPerson.entries.map((e) => e.action)).toEqual(['projects.updateSettings', 'projects.update'])
  })

  it('a refused mutation leaves no entry saying it happened', async () => {
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    await outcomeOf(world.asUser(consultant).projects.update({ projectId: project.id, name: '越权' }))
    expect(allEntries(world).filter((e) => e.action === 'projects.update')).toEqual([])
  })

  it('keeps only what the verb knows: an unknown key, however deep, never reaches the entry', async () => {
    let deep: unknown = []
    for (let i = 0; i < 30_000; i++) deep = [deep]
    const input = { projectId: project.id, name: '深层字段', junk: deep } as {
      projectId: string
      name: string
    }
    await world.asUser(manager).projects.update(input)
    const entry = allEntries(world).find((e) => e.action === 'projects.update')
    expect(entry?.summary).toEqual({ projectId: project.id, name: '深层字段' })
    expect((await world.asUser(manager).projects.get({ projectId: project.id })).name).toBe('深层字段')
  })
})

describe('redact', () => {
  it('summarises what lies deeper than any input goes instead of walking it', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < 30_000; i++) deep = { next: deep }
    expect(JSON.stringify(redact(deep))).toBe('{"next":{"next":{"next":{"next":{"next":{"next":"…"}}}}}}')
  })

  it('masks phone numbers and hides secrets at any depth it keeps', () => {
    expect(redact({ a: { phone: '13812345678', pin: '1234' }, list: [{ password: 'x' }] })).toEqual({
      a: { phone: '138****5678', pin: '***' },
      list: [{ password: '***' }],
    })
  })
})
