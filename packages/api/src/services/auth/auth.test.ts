import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { newId, users } from '@anchang/db'
import { createContext, SESSION_COOKIE } from '../../trpc-context'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import { appRouter } from '../../root'
import { createCallerFactory } from '../../trpc'
import { createTestWorld, TEST_PASSWORD, type TestUser, type TestWorld } from '../../testing'

let world: TestWorld
beforeEach(() => {
  world = createTestWorld()
})
afterEach(() => world.close())

const createCaller = createCallerFactory(appRouter)
const MINUTE = 60_000

/** Signs in like a browser does and answers the session token from the cookie the server set. */
async function signIn(username: string, password = TEST_PASSWORD): Promise<string> {
  const cookies: string[] = []
  await createCaller(() =>
    createContext(world.deps, {
      ip: '127.0.0.1',
      locale: 'zh-CN',
      requestId: newId(),
      setCookie: (header) => cookies.push(header),
    }),
  ).auth.login({ username, password })
  const token = cookies.at(-1)?.match(new RegExp(`^${SESSION_COOKIE}=([^;]+)`))?.[1]
  if (!token) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`)
  return token
}

const session = (sessionToken: string) => world.asUser({ sessionToken } as TestUser)

describe('auth', () => {
  it('signs in with the right password and answers the user with their projects', async () => {
    const project = world.createProject()
    const user = await world.createUser({ role: 'manager', projectIds: [project.id] })
    const result = await world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD })
    expect(result.user).toMatchObject({ id: user.id, role: 'manager' })
    expect(result.user.projects.map((p) => p.id)).toEqual([project.id])
  })

  it('locks a username after 10 failures in a row, even for the right password', async () => {
    const project = world.createProject()
    const user = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    for (let i = 0; i < 10; i++) {
      expect(
        await outcomeOf(world.anonymous().auth.login({ username: user.username, password: 'wrong-one' })),
      ).toBe('UNAUTHORIZED')
    }
    const locked = await failureOf(
      world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD }),
    )
    expect(locked?.code).toBe('TOO_MANY_REQUESTS')
    expect(sentenceOf(locked)).toBe('登录失败次数过多，请 15 分钟后再试。')
    expect(sentenceOf(locked, 'en')).toBe('Too many failed sign-ins; try again in 15 minutes.')
    world.setNow(new Date('2026-03-02T02:10:00.000Z'))
    const later = await failureOf(
      world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD }),
    )
    expect(sentenceOf(later), 'the wait counts down').toBe('登录失败次数过多，请 5 分钟后再试。')
    world.setNow(new Date('2026-03-02T02:16:00.000Z'))
    expect(
      await outcomeOf(world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD })),
    ).toBe('OK')
  })

  it('answers the user with id, name, role and each project as id, code and name', async () => {
    const project = world.createProject({ code: 'XIN' })
    const user = await world.createUser({ role: 'consultant', projectIds: [project.id], name: '张伟' })
    const { user: me } = await world.asUser(user).auth.me()
    expect(me).toMatchObject({ id: user.id, name: '张伟', role: 'consultant' })
    expect(me.projects).toEqual([{ id: project.id, code: 'XIN', name: '项目 XIN' }])
  })

  it('takes the username in any case', async () => {
    const user = await world.createUser({ role: 'assistant', projectIds: [] })
    const result = await world
      .anonymous()
      .auth.login({ username: user.username.toUpperCase(), password: TEST_PASSWORD })
    expect(result.user.id).toBe(user.id)
  })

  it('a successful sign-in clears the run of failures', async () => {
    const user = await world.createUser({ role: 'consultant', projectIds: [] })
    const attempt = (password: string) =>
      outcomeOf(world.anonymous().auth.login({ username: user.username, password }))
    for (let i = 0; i < 9; i++) await attempt('nope-nope')
    expect(await attempt(TEST_PASSWORD)).toBe('OK')
    // Without the reset this would be the tenth failure in a row, locking the username.
    expect(await attempt('nope-nope')).toBe('UNAUTHORIZED')
    expect(await attempt(TEST_PASSWORD)).toBe('OK')
  })

  it('logout ends the session on the server: the same token is refused afterwards', async () => {
    const user = await world.createUser({ role: 'consultant', projectIds: [] })
    const token = await signIn(user.username)
    expect((await session(token).auth.me()).user.id).toBe(user.id)
    expect(await session(token).auth.logout()).toEqual({ ok: true })
    const error = await failureOf(session(token).auth.me())
    expect(error?.code).toBe('UNAUTHORIZED')
    expect(sentenceOf(error)).toBe('登录已失效，请重新登录。')
  })

  it('logout ends only that session, not the person’s other devices', async () => {
    const user = await world.createUser({ role: 'consultant', projectIds: [] })
    const phone = await signIn(user.username)
    await world.asUser(user).auth.logout()
    expect(await outcomeOf(world.asUser(user).auth.me())).toBe('UNAUTHORIZED')
    expect(await outcomeOf(session(phone).auth.me())).toBe('OK')
  })

  it('changePassword keeps the current session, ends the others, and swaps the passwords', async () => {
    const user = await world.createUser({ role: 'manager', projectIds: [] })
    const laptop = await signIn(user.username)
    await session(laptop).auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: 'brand-new-secret',
    })
    expect(await outcomeOf(session(laptop).auth.me())).toBe('OK')
    expect(await outcomeOf(world.asUser(user).auth.me())).toBe('UNAUTHORIZED')
    expect(
      await outcomeOf(world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD })),
    ).toBe('UNAUTHORIZED')
    expect(
      await outcomeOf(
        world.anonymous().auth.login({ username: user.username, password: 'brand-new-secret' }),
      ),
    ).toBe('OK')
  })

  it('changePassword with a wrong current password changes nothing and says so', async () => {
    const user = await world.createUser({ role: 'manager', projectIds: [] })
    const error = await failureOf(
      world
        .asUser(user)
        .auth.changePassword({ currentPassword: 'not-my-password', newPassword: 'brand-new-secret' }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('当前密码不正确，密码未修改。')
    expect(
      await outcomeOf(world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD })),
    ).toBe('OK')
  })

  it('refuses a new password equal to the current one, and one shorter than 8 characters', async () => {
    const user = await world.createUser({ role: 'manager', projectIds: [] })
    const same = await failureOf(
      world.asUser(user).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    )
    expect(same?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(same)).toBe('新密码不能与当前密码相同。')
    const short = await failureOf(
      world.asUser(user).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'short' }),
    )
    expect(short?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(short)).toContain('新密码')
    expect(sentenceOf(short)).toContain('8')
  })

  it('an idle session expires: refused once the idle time has passed, kept alive by use', async () => {
    const user = await world.createUser({ role: 'consultant', projectIds: [] })
    const idle = await signIn(user.username)
    const busy = await signIn(user.username)
    const idleMinutes = world.deps.config.sessionIdleMinutes
    const start = world.deps.clock()

    world.setNow(new Date(start.getTime() + (idleMinutes - 10) * MINUTE))
    expect(await outcomeOf(session(busy).auth.me())).toBe('OK')

    world.setNow(new Date(start.getTime() + (idleMinutes + 1) * MINUTE))
    const error = await failureOf(session(idle).auth.me())
    expect(error?.code).toBe('UNAUTHORIZED')
    expect(sentenceOf(error)).toBe('登录已失效，请重新登录。')
    expect(await outcomeOf(session(busy).auth.me()), 'used 11 minutes ago').toBe('OK')
  })

  it('an inactive person cannot sign in, and is told no more than for a wrong password', async () => {
    const user = await world.createUser({ role: 'consultant', projectIds: [] })
    world.database.db.update(users).set({ active: false }).where(eq(users.id, user.id)).run()
    const inactive = await failureOf(
      world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD }),
    )
    const wrong = await failureOf(
      world.anonymous().auth.login({ username: user.username, password: 'wrong-password' }),
    )
    expect(inactive?.code).toBe('UNAUTHORIZED')
    expect(sentenceOf(inactive)).toBe(sentenceOf(wrong))
  })

  it('an unknown username gets the same answer as a wrong password', async () => {
    const user = await world.createUser({ role: 'consultant', projectIds: [] })
    const unknown = await failureOf(
      world.anonymous().auth.login({ username: 'nobody-here', password: TEST_PASSWORD }),
    )
    const wrong = await failureOf(
      world.anonymous().auth.login({ username: user.username, password: 'wrong-password' }),
    )
    expect(unknown?.code).toBe('UNAUTHORIZED')
    expect(sentenceOf(unknown)).toBe(sentenceOf(wrong))
  })

  it('a forged session token is refused as an ended session', async () => {
    const error = await failureOf(session('forged-token-that-was-never-issued').auth.me())
    expect(error?.code).toBe('UNAUTHORIZED')
    expect(sentenceOf(error)).toBe('登录已失效，请重新登录。')
  })

  it('words errors in Chinese by default and in English for an English client', async () => {
    const user = await world.createUser({ role: 'consultant', projectIds: [] })
    const wrong = await failureOf(
      world.anonymous().auth.login({ username: user.username, password: 'wrong-password' }),
    )
    expect(sentenceOf(wrong)).toBe('用户名或密码不正确，请重新输入。')
    expect(sentenceOf(wrong, 'en')).toBe('The username or password is wrong; try again.')

    const anonymous = await failureOf(world.anonymous().auth.me())
    expect(sentenceOf(anonymous)).toBe('请先登录。')
    expect(sentenceOf(anonymous, 'en')).toBe('Please sign in first.')

    const blank = await failureOf(world.anonymous().auth.login({ username: '', password: 'x' }))
    expect(blank?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(blank)).toBe('用户名不能为空。')
    expect(sentenceOf(blank, 'en')).toBe('Username must not be empty.')
  })
})
