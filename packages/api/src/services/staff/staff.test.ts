import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { projectMembers } from '@anchang/db'
import { ROLES, type Role } from '@anchang/shared'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import {
  createTestManagement,
  TEST_PASSWORD,
  type TestProject,
  type TestUser,
  type TestWorld,
} from '../../testing'

let world: TestWorld, project: TestProject, director: TestUser, manager: TestUser
beforeEach(async () => {
  ;({ world, project, director, manager } = await createTestManagement())
})
afterEach(() => world.close())

let serial = 0
const newStaff = (role: Role, extra: { pin?: string; username?: string; projectIds?: string[] } = {}) => ({
  username: extra.username ?? `staff.${role}.${++serial}`,
  name: `新${role}`,
  role,
  password: 'first-password',
  projectIds: extra.projectIds ?? [project.id],
  ...(extra.pin ? { pin: extra.pin } : {}),
  ...(role === 'channel' ? { agency: '链家' } : {}),
})

const userCount = () => world.rowCount('users')
const projectsOf = (userId: string) =>
  world.database.db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(eq(projectMembers.userId, userId))
    .all()
    .map((m) => m.projectId)
    .sort()
const canSignIn = async (username: string, password: string) =>
  (await outcomeOf(world.anonymous().auth.login({ username, password }))) === 'OK'

describe('staff.create', () => {
  it.each(ROLES)(
    'a director creates a %s, who can then sign in and is listed in the project',
    async (role) => {
      const input = newStaff(role)
      const { id } = await world.asUser(director).staff.create(input)
      expect(await canSignIn(input.username, 'first-password')).toBe(true)
      const listed = (await world.asUser(director).staff.list({ projectId: project.id })).find(
        (s) => s.id === id,
      )
      expect(listed).toMatchObject({ username: input.username, role, active: true, projectIds: [project.id] })
    },
  )

  it('refuses a channel partner’s account without its agency, or for more than one project', async () => {
    const other = world.createProject()
    const { agency: _agency, ...withoutAgency } = newStaff('channel')
    const missing = await failureOf(world.asUser(director).staff.create(withoutAgency))
    expect(missing?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(missing)).toContain('渠道公司')
    const ofBoth = await world.createUser({ role: 'director', projectIds: [project.id, other.id] })
    const before = userCount()
    const twoProjects = await failureOf(
      world.asUser(ofBoth).staff.create(newStaff('channel', { projectIds: [project.id, other.id] })),
    )
    expect(twoProjects?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(twoProjects)).toContain('一个项目')
    expect(userCount()).toBe(before)
  })

  it('names the channel partner’s agency in the staff list', async () => {
    const { id } = await world.asUser(manager).staff.create(newStaff('channel'))
    const listed = (await world.asUser(manager).staff.list({ projectId: project.id })).find(
      (s) => s.id === id,
    )
    expect(listed).toMatchObject({ role: 'channel', agency: '链家' })
  })

  it.each(['assistant', 'consultant'] as const)('a manager creates a %s', async (role) => {
    expect(await outcomeOf(world.asUser(manager).staff.create(newStaff(role)))).toBe('OK')
  })

  it.each(['manager', 'director'] as const)(
    'a manager cannot create a %s, and no account appears',
    async (role) => {
      const before = userCount()
      const error = await failureOf(world.asUser(manager).staff.create(newStaff(role)))
      expect(error?.code).toBe('FORBIDDEN')
      expect(sentenceOf(error)).toContain(role === 'manager' ? '销售经理' : '销售总监')
      expect(sentenceOf(error, 'en')).toContain(role)
      expect(userCount()).toBe(before)
    },
  )

  it('refuses a username already taken, in any case, with a sentence naming it', async () => {
    await world.asUser(manager).staff.create(newStaff('consultant', { username: 'wang.fang' }))
    const error = await failureOf(
      world.asUser(manager).staff.create(newStaff('assistant', { username: 'Wang.Fang' })),
    )
    expect(error?.code).toBe('CONFLICT')
    expect(sentenceOf(error)).toBe('用户名 Wang.Fang 已被使用，请换一个。')
    expect(sentenceOf(error, 'en')).toBe('The username Wang.Fang is taken; choose another.')
  })

  it('gives a PIN to consultants only', async () => {
    const before = userCount()
    const error = await failureOf(world.asUser(manager).staff.create(newStaff('assistant', { pin: '2468' })))
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('只有置业顾问需要 PIN 码。')
    expect(userCount()).toBe(before)

    const { id } = await world.asUser(manager).staff.create(newStaff('consultant', { pin: '2468' }))
    const listed = await world.asUser(manager).staff.list({ projectId: project.id })
    expect(listed.find((s) => s.id === id)?.hasPin).toBe(true)
  })

  it('refuses a PIN another consultant of the project has, without saying whose or repeating it', async () => {
    await world.createUser({ role: 'consultant', projectIds: [project.id], pin: '1357' })
    const before = userCount()
    const error = await failureOf(world.asUser(manager).staff.create(newStaff('consultant', { pin: '1357' })))
    expect(error?.code).toBe('CONFLICT')
    expect(sentenceOf(error)).toBe('这个 PIN 码已被同项目的其他顾问使用，请换一个。')
    expect(userCount()).toBe(before)
  })

  it('accepts a PIN a consultant of another project has: PINs are unique per project', async () => {
    const other = world.createProject()
    await world.createUser({ role: 'consultant', projectIds: [other.id], pin: '1357' })
    expect(await outcomeOf(world.asUser(manager).staff.create(newStaff('consultant', { pin: '1357' })))).toBe(
      'OK',
    )
  })

  it('refuses moving a consultant into a project where their PIN is taken', async () => {
    const other = world.createProject()
    const both = await world.createUser({ role: 'manager', projectIds: [project.id, other.id] })
    await world.createUser({ role: 'consultant', projectIds: [other.id], pin: '8642' })
    const mover = await world.createUser({ role: 'consultant', projectIds: [project.id], pin: '8642' })
    const error = await failureOf(
      world.asUser(both).staff.update({ userId: mover.id, projectIds: [project.id, other.id] }),
    )
    expect(error?.code).toBe('CONFLICT')
    const listed = await world.asUser(both).staff.list({ projectId: other.id })
    expect(
      listed.map((s) => s.id),
      'the move did not happen',
    ).not.toContain(mover.id)
  })

  it('refuses a PIN that is not 4–6 digits, naming the field', async () => {
    const error = await failureOf(world.asUser(manager).staff.create(newStaff('consultant', { pin: '12a4' })))
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toContain('PIN 码')
  })

  it('a manager cannot create staff in a project the manager does not belong to', async () => {
    const other = world.createProject()
    const before = userCount()
    const error = await failureOf(
      world.asUser(manager).staff.create(newStaff('consultant', { projectIds: [project.id, other.id] })),
    )
    expect(error?.code).toBe('FORBIDDEN')
    expect(userCount()).toBe(before)
  })
})

describe('staff.update', () => {
  it('a manager cannot move someone into a project the manager is not in', async () => {
    const other = world.createProject()
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    const error = await failureOf(
      world.asUser(manager).staff.update({ userId: consultant.id, projectIds: [project.id, other.id] }),
    )
    expect(error?.code).toBe('FORBIDDEN')
    expect(projectsOf(consultant.id)).toEqual([project.id])
  })

  it('moves people between the manager’s own projects and leaves their other memberships alone', async () => {
    const second = world.createProject()
    const foreign = world.createProject()
    const boss = await world.createUser({ role: 'manager', projectIds: [project.id, second.id] })
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id, foreign.id] })
    await world.asUser(boss).staff.update({ userId: consultant.id, projectIds: [second.id] })
    expect(projectsOf(consultant.id)).toEqual([second.id, foreign.id].sort())
  })

  it('a manager cannot promote a consultant to manager', async () => {
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    expect(
      await outcomeOf(world.asUser(manager).staff.update({ userId: consultant.id, role: 'manager' })),
    ).toBe('FORBIDDEN')
    expect((await world.asUser(consultant).auth.me()).user.role).toBe('consultant')
  })

  it('a manager cannot rename a director', async () => {
    expect(await outcomeOf(world.asUser(manager).staff.update({ userId: director.id, name: '改名' }))).toBe(
      'FORBIDDEN',
    )
  })

  it('renames a consultant, and the new name is what they see', async () => {
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    await world.asUser(manager).staff.update({ userId: consultant.id, name: '李娜' })
    expect((await world.asUser(consultant).auth.me()).user.name).toBe('李娜')
  })

  it('changing a consultant to another role drops the PIN', async () => {
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id], pin: '8642' })
    await world.asUser(manager).staff.update({ userId: consultant.id, role: 'assistant' })
    const listed = await world.asUser(manager).staff.list({ projectId: project.id })
    expect(listed.find((s) => s.id === consultant.id)).toMatchObject({ role: 'assistant', hasPin: false })
    // The freed PIN can go to someone else.
    expect(await outcomeOf(world.asUser(manager).staff.create(newStaff('consultant', { pin: '8642' })))).toBe(
      'OK',
    )
  })

  it('keeps PINs unique when changing one, but a consultant may keep their own', async () => {
    const first = await world.createUser({ role: 'consultant', projectIds: [project.id], pin: '1111' })
    const second = await world.createUser({ role: 'consultant', projectIds: [project.id], pin: '2222' })
    expect(await outcomeOf(world.asUser(manager).staff.update({ userId: second.id, pin: '1111' }))).toBe(
      'CONFLICT',
    )
    expect(await outcomeOf(world.asUser(manager).staff.update({ userId: first.id, pin: '1111' }))).toBe('OK')
  })

  it('a manager of another project cannot touch this project’s staff', async () => {
    const other = world.createProject()
    const stranger = await world.createUser({ role: 'manager', projectIds: [other.id] })
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    expect(
      await outcomeOf(world.asUser(stranger).staff.update({ userId: consultant.id, name: '改名' })),
    ).toBe('FORBIDDEN')
  })
})

describe('staff.setActive', () => {
  it('deactivating someone ends their sessions at once and keeps them out; reactivating lets them back in', async () => {
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    expect(await outcomeOf(world.asUser(consultant).auth.me())).toBe('OK')

    await world.asUser(manager).staff.setActive({ userId: consultant.id, active: false })
    expect(await outcomeOf(world.asUser(consultant).auth.me())).toBe('UNAUTHORIZED')
    expect(await outcomeOf(world.asUser(consultant).projects.get({ projectId: project.id }))).toBe(
      'UNAUTHORIZED',
    )
    expect(await canSignIn(consultant.username, TEST_PASSWORD)).toBe(false)
    const listed = await world.asUser(manager).staff.list({ projectId: project.id })
    expect(listed.find((s) => s.id === consultant.id)?.active, 'still listed, as inactive').toBe(false)

    await world.asUser(manager).staff.setActive({ userId: consultant.id, active: true })
    expect(await canSignIn(consultant.username, TEST_PASSWORD)).toBe(true)
    expect(await outcomeOf(world.asUser(consultant).auth.me()), 'the old session stays ended').toBe(
      'UNAUTHORIZED',
    )
  })

  it('nobody can deactivate themselves', async () => {
    const error = await failureOf(
      world.asUser(director).staff.setActive({ userId: director.id, active: false }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('不能停用自己的账号。')
    expect(await outcomeOf(world.asUser(director).auth.me())).toBe('OK')
  })

  it('a manager cannot deactivate another manager', async () => {
    const peer = await world.createUser({ role: 'manager', projectIds: [project.id] })
    expect(await outcomeOf(world.asUser(manager).staff.setActive({ userId: peer.id, active: false }))).toBe(
      'FORBIDDEN',
    )
    expect(await outcomeOf(world.asUser(peer).auth.me())).toBe('OK')
  })
})

describe('staff.resetPassword', () => {
  it('sets the new password and ends every session the person had', async () => {
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    await world
      .asUser(manager)
      .staff.resetPassword({ userId: consultant.id, newPassword: 'given-by-manager' })
    expect(await outcomeOf(world.asUser(consultant).auth.me())).toBe('UNAUTHORIZED')
    expect(await canSignIn(consultant.username, TEST_PASSWORD)).toBe(false)
    expect(await canSignIn(consultant.username, 'given-by-manager')).toBe(true)
  })

  it('a manager cannot reset a director’s password', async () => {
    const error = await failureOf(
      world.asUser(manager).staff.resetPassword({ userId: director.id, newPassword: 'taken-over-now' }),
    )
    expect(error?.code).toBe('FORBIDDEN')
    expect(await outcomeOf(world.asUser(director).auth.me())).toBe('OK')
  })

  it('an unknown person is NOT_FOUND', async () => {
    expect(
      await outcomeOf(
        world.asUser(manager).staff.resetPassword({ userId: 'no-such-user', newPassword: 'whatever-123' }),
      ),
    ).toBe('NOT_FOUND')
  })
})

describe('staff.list', () => {
  it('shows only the memberships in projects the reader belongs to', async () => {
    const secret = world.createProject()
    const assistant = await world.createUser({ role: 'assistant', projectIds: [project.id] })
    const consultant = await world.createUser({ role: 'consultant', projectIds: [project.id, secret.id] })
    const listed = await world.asUser(assistant).staff.list({ projectId: project.id })
    expect(listed.find((s) => s.id === consultant.id)?.projectIds).toEqual([project.id])
  })

  it('lists the project’s staff and nobody else', async () => {
    const other = world.createProject()
    const outsider = await world.createUser({ role: 'consultant', projectIds: [other.id] })
    const listed = await world.asUser(manager).staff.list({ projectId: project.id })
    expect(listed.map((s) => s.id).sort()).toEqual([director.id, manager.id].sort())
    expect(listed.some((s) => s.id === outsider.id)).toBe(false)
  })
})
