/**
 * The wire format of CONTRACT.md, asserted from outside: a real server on an ephemeral port,
 * the minimal seed, and fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CHANNELS, DEMO_PASSWORD, DEMO_PROJECT } from '@anchang/db'
import { sendTo, sessionCookie, startServer, type Answer, type Running, type Send } from './test-server'

let server: Running

const send = (path: string, opts: Send = {}, on: Running = server): Promise<Answer> => sendTo(on, path, opts)

const mutate = (path: string, body: unknown, opts: Omit<Send, 'body'> = {}, on?: Running) =>
  send(`/trpc/${path}`, { ...opts, method: 'POST', body }, on)
const query = (path: string, input?: unknown, opts: Omit<Send, 'input'> = {}, on?: Running) =>
  send(`/trpc/${path}`, { ...opts, method: 'GET', input }, on)

async function signIn(username: string, on: Running = server): Promise<string> {
  const answer = await mutate('auth.login', { username, password: DEMO_PASSWORD }, {}, on)
  expect(answer.status, answer.text).toBe(200)
  return sessionCookie(answer)
}

/** A failure as CONTRACT.md fixes it: the status, the code, and a sentence, nothing raw. */
function expectFailure(answer: Answer, status: number, code: string): string {
  expect(answer.status, answer.text).toBe(status)
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  expect(answer.body?.error?.data?.code).toBe(code)
  const message: unknown = answer.body?.error?.message
  expect(typeof message).toBe('string')
  expect((message as string).length).toBeGreaterThan(3)
  expect(answer.text).not.toMatch(
    /SyntaxError|ZodError|TRPCError|\n\s+at |\bat .+:\d+:\d+|"code":"invalid_type"|"issues"|"expected"/,
  )
  expect(answer.body.error).not.toHaveProperty('data.stack')
  return message as string
}

const tableCounts = (on: Running = server) => {
  const { sqlite } = on.database
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .all() as { name: string }[]
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  )
}

const HAN = /\p{Script=Han}/u

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})

describe('GET /healthz', () => {
  it('answers 200 {"ok":true}', async () => {
    const answer = await send('/healthz')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ ok: true })
  })
})

describe('auth.login over HTTP', () => {
  it('answers {"result":{"data":{"user":…}}} with the user and their projects', async () => {
    const answer = await mutate('auth.login', { username: 'manager', password: DEMO_PASSWORD })
    expect(answer.status).toBe(200)
    expect(Object.keys(answer.body)).toEqual(['result'])
    expect(Object.keys(answer.body.result)).toEqual(['data'])
    const { user } = answer.body.result.data
    expect(user).toMatchObject({ id: expect.any(String), name: '吴敏', role: 'manager' })
    expect(user.projects).toHaveLength(1)
    expect(answer.text, 'no secret of the account goes out').not.toMatch(
      /scrypt|passwordHash|pinHash|tokenHash/i,
    )
    expect(user.projects[0]).toMatchObject({
      id: expect.any(String),
      code: DEMO_PROJECT.code,
      name: DEMO_PROJECT.name,
    })
  })

  it('sets the session cookie HttpOnly and SameSite=Lax, for the whole site', async () => {
    const answer = await mutate('auth.login', { username: 'assistant', password: DEMO_PASSWORD })
    const header = answer.headers.getSetCookie().find((c) => c.startsWith('anchang_session='))
    expect(header).toBeDefined()
    const attributes = header!.split(';').map((a) => a.trim().toLowerCase())
    expect(attributes).toContain('httponly')
    expect(attributes).toContain('samesite=lax')
    expect(attributes).toContain('path=/')
  })

  it('takes a JSON body whatever Content-Type the client declared (curl’s default is a form type)', async () => {
    const answer = await mutate(
      'auth.login',
      { username: 'c1', password: DEMO_PASSWORD },
      { contentType: 'application/x-www-form-urlencoded' },
    )
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body.result.data.user.name).toBe('张伟')
  })

  it('refuses a wrong password with 401 UNAUTHORIZED, in Chinese by default and English when asked', async () => {
    const zh = await mutate('auth.login', { username: 'c2', password: 'not-the-password' })
    expect(expectFailure(zh, 401, 'UNAUTHORIZED')).toBe('用户名或密码不正确，请重新输入。')
    expect(zh.headers.getSetCookie()).toEqual([])
    const en = await mutate(
      'auth.login',
      { username: 'c2', password: 'not-the-password' },
      { lang: 'en-US,en;q=0.9' },
    )
    const message = expectFailure(en, 401, 'UNAUTHORIZED')
    expect(message).toBe('The username or password is wrong; try again.')
    expect(message).not.toMatch(HAN)
  })
})

describe('queries and sessions over HTTP', () => {
  it('a query is GET /trpc/<path>?input=<url-encoded JSON>, with the session cookie', async () => {
    const cookie = await signIn('director')
    const me = await query('auth.me', {}, { cookie })
    expect(me.status, me.text).toBe(200)
    expect(me.body.result.data.user).toMatchObject({ name: '周建国', role: 'director' })
    const projectId = me.body.result.data.user.projects[0].id

    const project = await query('projects.get', { projectId }, { cookie })
    expect(project.status, project.text).toBe(200)
    expect(project.body.result.data).toMatchObject({
      id: projectId,
      code: 'DEMO',
      timeZone: DEMO_PROJECT.timeZone,
    })
    expect(project.body.result.data.channels).toEqual(DEMO_CHANNELS)
  })

  it('a query without a session is 401 UNAUTHORIZED', async () => {
    expectFailure(await query('auth.me'), 401, 'UNAUTHORIZED')
  })

  it('a forged session cookie is 401 UNAUTHORIZED', async () => {
    const answer = await query('auth.me', undefined, {
      cookie: 'anchang_session=forged-session-token-0000000000000000',
    })
    expectFailure(answer, 401, 'UNAUTHORIZED')
  })

  it('logout clears the cookie and ends the session on the server', async () => {
    const cookie = await signIn('c3')
    const out = await mutate('auth.logout', {}, { cookie })
    expect(out.status, out.text).toBe(200)
    expect(out.body).toEqual({ result: { data: { ok: true } } })
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('anchang_session='))
    expect(cleared).toMatch(/Max-Age=0/i)
    expectFailure(await query('auth.me', undefined, { cookie }), 401, 'UNAUTHORIZED')
  })

  it('a person without the role gets 403 FORBIDDEN', async () => {
    const cookie = await signIn('c4')
    const me = await query('auth.me', undefined, { cookie })
    const projectId = me.body.result.data.user.projects[0].id
    expectFailure(await query('devices.list', { projectId }, { cookie }), 403, 'FORBIDDEN')
  })
})

describe('devices over HTTP', () => {
  it('a paired token works as Bearer, and a revoked one is 401 at once', async () => {
    const cookie = await signIn('manager')
    const projectId = (await query('auth.me', undefined, { cookie })).body.result.data.user.projects[0].id
    const paired = await mutate('devices.pair', { projectId, kind: 'kiosk', name: '前台一号' }, { cookie })
    expect(paired.status, paired.text).toBe(200)
    const { deviceId, token } = paired.body.result.data
    expect(typeof token).toBe('string')

    const me = await query('devices.me', undefined, { bearer: token })
    expect(me.status, me.text).toBe(200)
    expect(me.body.result.data.device).toMatchObject({ id: deviceId, kind: 'kiosk', projectId })

    const revoked = await mutate('devices.revoke', { deviceId }, { cookie })
    expect(revoked.body).toEqual({ result: { data: { ok: true } } })
    const after = await query('devices.me', undefined, { bearer: token })
    expect(expectFailure(after, 401, 'UNAUTHORIZED')).toBe('这台设备未配对或已被撤销，请让经理重新配对。')
  })

  it('an unknown Bearer token is 401 UNAUTHORIZED', async () => {
    expectFailure(await query('devices.me', undefined, { bearer: 'never-issued-token' }), 401, 'UNAUTHORIZED')
  })
})

describe('bad requests', () => {
  it('a body that is not JSON is 400 PARSE_ERROR with a sentence', async () => {
    const answer = await mutate('auth.login', '{"username":"manager","password":')
    expect(expectFailure(answer, 400, 'PARSE_ERROR')).toBe('请求内容不是有效的 JSON，请检查后重试。')
    const en = await mutate('auth.login', '{"username":', { lang: 'en' })
    expect(expectFailure(en, 400, 'PARSE_ERROR')).toBe(
      'The request body is not valid JSON; check it and try again.',
    )
  })

  it('a body that is not JSON is PARSE_ERROR for a signed-in call too, and nothing is written', async () => {
    const cookie = await signIn('manager')
    const before = tableCounts()
    expectFailure(await mutate('staff.create', '{"username":"x",', { cookie }), 400, 'PARSE_ERROR')
    expectFailure(await mutate('projects.update', 'not json at all', { cookie }), 400, 'PARSE_ERROR')
    expect(tableCounts()).toEqual(before)
  })

  it('wrong types are 400 BAD_REQUEST naming the field, in the client’s language', async () => {
    const zh = await mutate('auth.login', { username: 123, password: 'x' })
    const message = expectFailure(zh, 400, 'BAD_REQUEST')
    expect(message).toContain('用户名')
    const en = await mutate('auth.login', { username: 123, password: 'x' }, { lang: 'en' })
    expect(expectFailure(en, 400, 'BAD_REQUEST')).toContain('Username')
  })

  it('bad input writes nothing', async () => {
    const cookie = await signIn('director')
    const projectId = (await query('auth.me', undefined, { cookie })).body.result.data.user.projects[0].id
    const before = tableCounts()
    const badStaff = await mutate(
      'staff.create',
      { username: 'x', name: '', role: 'boss', password: 'short', projectIds: [projectId] },
      { cookie },
    )
    expectFailure(badStaff, 400, 'BAD_REQUEST')
    const badProject = await mutate(
      'projects.create',
      { code: 'lower', name: '新', channels: [] },
      { cookie },
    )
    expectFailure(badProject, 400, 'BAD_REQUEST')
    const badSettings = await mutate(
      'projects.updateSettings',
      { projectId, settings: { rotation: { undoWindowMinutes: 'five' } } },
      { cookie },
    )
    expectFailure(badSettings, 400, 'BAD_REQUEST')
    expect(tableCounts()).toEqual(before)
  })

  it('an unknown procedure is 404 NOT_FOUND with a sentence naming it', async () => {
    const post = await mutate('rotation.nothingHere', {})
    expect(expectFailure(post, 404, 'NOT_FOUND')).toContain('rotation.nothingHere')
    expectFailure(await query('nope'), 404, 'NOT_FOUND')
  })

  it('an unknown page outside /trpc is 404 NOT_FOUND', async () => {
    expectFailure(await send('/no/such/page'), 404, 'NOT_FOUND')
  })

  it('a body over 64 KB is 413 PAYLOAD_TOO_LARGE, and nothing is written', async () => {
    const cookie = await signIn('director')
    const before = tableCounts()
    const big = await mutate(
      'projects.create',
      { code: 'BIG', name: '大', channels: ['网络'], padding: 'x'.repeat(70 * 1024) },
      { cookie },
    )
    expect(expectFailure(big, 413, 'PAYLOAD_TOO_LARGE')).toBe(
      '请求内容太大（一般最多 64 KB，导入房源最多 2 MB），请精简或分批发送。',
    )
    expect(tableCounts()).toEqual(before)
    const login = await mutate(
      'auth.login',
      { username: 'manager', password: 'p'.repeat(66 * 1024) },
      { lang: 'en' },
    )
    expect(expectFailure(login, 413, 'PAYLOAD_TOO_LARGE')).toBe(
      'The request is too large (64 KB for most calls, 2 MB for a unit import); send less or in parts.',
    )
  })

  it('a sign-in request that is not even well-formed writes nothing, not even an audit row', async () => {
    // Each row is a synced disk write an anonymous client could otherwise cause at will.
    const before = tableCounts()
    expectFailure(await mutate('auth.login', '{"username":'), 400, 'PARSE_ERROR')
    expectFailure(await mutate('auth.login', { username: 42 }), 400, 'BAD_REQUEST')
    expectFailure(
      await mutate('auth.login', { username: 'x', password: 'p'.repeat(66 * 1024) }),
      413,
      'PAYLOAD_TOO_LARGE',
    )
    expect(tableCounts()).toEqual(before)
  })
})

describe('sign-in throttling over HTTP', () => {
  let own: Running
  beforeAll(async () => {
    own = await startServer()
  })
  afterAll(async () => {
    await own.close()
  })

  it('the 11th sign-in after 10 failures is 429 TOO_MANY_REQUESTS saying how long to wait, right password or not', async () => {
    for (let i = 0; i < 10; i++) {
      const answer = await mutate('auth.login', { username: 'c5', password: `wrong-${i}` }, {}, own)
      expectFailure(answer, 401, 'UNAUTHORIZED')
    }
    const locked = await mutate('auth.login', { username: 'c5', password: DEMO_PASSWORD }, {}, own)
    expect(expectFailure(locked, 429, 'TOO_MANY_REQUESTS')).toMatch(/请 \d+ 分钟后再试/)
    expect(locked.headers.getSetCookie()).toEqual([])
    const en = await mutate('auth.login', { username: 'c5', password: DEMO_PASSWORD }, { lang: 'en' }, own)
    expect(expectFailure(en, 429, 'TOO_MANY_REQUESTS')).toMatch(/try again in \d+ minutes/)

    const other = await mutate('auth.login', { username: 'c6', password: DEMO_PASSWORD }, {}, own)
    expect(other.status, 'another username from the same address still signs in').toBe(200)
  })
})

describe('security headers', () => {
  it.each([
    ['a health check', () => send('/healthz')],
    ['a procedure', () => query('auth.me')],
    ['an unknown page', () => send('/nothing-here')],
  ])('are on %s', async (_what, request) => {
    const answer = await request()
    const csp = answer.headers.get('content-security-policy')
    expect(csp).toBeTruthy()
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/)
        return [name, values] as const
      }),
    )
    const scripts = directives.get('script-src') ?? directives.get('default-src')
    expect(scripts).toBeDefined()
    expect(scripts).not.toContain("'unsafe-inline'")
    expect(scripts).not.toContain("'unsafe-eval'")
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(csp).not.toMatch(/https?:|\*|wss?:/)
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('x-powered-by')).toBeNull()
  })
})
