/**
 * What an outside probe tried against the running server, as an attacker and as a careless client
 * would: malformed addresses and cookies, batches and bursts of guesses, deep JSON, cross-site
 * posts, streams outliving their credentials, oversized requests. Nothing may stop the process,
 * answer 5xx, or change anything when refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client'
import type { AppRouter } from '@anchang/api'
import { DEMO_PASSWORD } from '@anchang/db'
import { sendTo, sessionCookie, startServer, type Answer, type Running, type Send } from './test-server'

let server: Running
const logged: string[] = []
beforeAll(async () => {
  server = await startServer({ log: (line) => logged.push(line) })
})
afterAll(async () => {
  await server.close()
})

const mutate = (path: string, body: unknown, opts: Omit<Send, 'body'> = {}, on: Running = server) =>
  sendTo(on, `/trpc/${path}`, { ...opts, method: 'POST', body })
const query = (path: string, input?: unknown, opts: Omit<Send, 'input'> = {}) =>
  sendTo(server, `/trpc/${path}`, { ...opts, method: 'GET', input })

async function signIn(username: string, on: Running = server): Promise<string> {
  const answer = await mutate('auth.login', { username, password: DEMO_PASSWORD }, {}, on)
  expect(answer.status, answer.text).toBe(200)
  return sessionCookie(answer)
}

async function demoProjectId(cookie: string): Promise<string> {
  return (await query('auth.me', undefined, { cookie })).body.result.data.user.projects[0].id
}

/** A refusal as a client reads it: a 4xx, JSON, a sentence, nothing raw. */
function expectRefusal(answer: Answer, status: number, code: string): string {
  expect(answer.status, answer.text).toBe(status)
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  expect(answer.body?.error?.data?.code).toBe(code)
  expect(answer.text).not.toMatch(/URIError|RangeError|TypeError|\n\s+at /)
  return answer.body.error.message as string
}

const count = (table: string) =>
  (server.database.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n

async function stillServing(): Promise<void> {
  const health = await sendTo(server, '/healthz')
  expect(health.body).toEqual({ ok: true })
}

describe('malformed addresses and cookies', () => {
  it.each([
    '/trpc/%E0%A4%A',
    '/trpc/auth.me%',
    '/trpc/%',
    '/%E0%A4%A',
    '/kiosk/%E0%A4%A',
    '/trpc/a,%ZZ?batch=1',
  ])('%s is a 4xx sentence and the server keeps serving', async (path) => {
    const answer = await sendTo(server, path)
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect(typeof answer.body?.error?.message).toBe('string')
    await stillServing()
  })

  it('names the problem in the reader’s language', async () => {
    expect(expectRefusal(await sendTo(server, '/trpc/%E0%A4%A'), 400, 'BAD_REQUEST')).toBe(
      '请求地址里有无法识别的字符，请检查地址。',
    )
    expect(expectRefusal(await sendTo(server, '/trpc/%E0%A4%A', { lang: 'en' }), 400, 'BAD_REQUEST')).toMatch(
      /^The request address/,
    )
  })

  it('a procedure path that is not one (then, __proto__, constructor) is 404, not a fault', async () => {
    for (const path of ['then', 'auth.then', '__proto__', 'auth.constructor', 'auth.login.x']) {
      expectRefusal(await mutate(path, {}), 404, 'NOT_FOUND')
    }
    expect(logged.filter((l) => l.includes('"level":"error"'))).toEqual([])
  })

  it('a session cookie that cannot be decoded makes an anonymous caller, not a 500', async () => {
    const cookie = 'anchang_session=%E0%A4%A'
    expectRefusal(await query('auth.me', undefined, { cookie }), 401, 'UNAUTHORIZED')
    const session = await query('auth.session', undefined, { cookie })
    expect(session.status).toBe(200)
    expect(session.body.result.data).toEqual({ user: null })
    expectRefusal(
      await query('auth.me', undefined, { cookie: 'a=b; ; =; anchang_session' }),
      401,
      'UNAUTHORIZED',
    )
  })

  it('a URL past the limit is answered with a JSON sentence in both languages', async () => {
    const answer = await sendTo(server, `/trpc/auth.me?input=${'x'.repeat(20_000)}`)
    expect(answer.status).toBe(431)
    expect(answer.body.error.message).toContain('请求地址或请求头太长')
    expect(answer.body.error.message).toContain('too long')
    await stillServing()
  })

  it('a method other than GET and POST is 405 with a sentence', async () => {
    const response = await fetch(`${server.url}/trpc/auth.me`, { method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('auth.me')
  })
})

describe('sign-in guesses sent together', () => {
  it('one batch of 30 wrong passwords and the right one last: judged only until the lock, the right one refused', async () => {
    const own = await startServer()
    try {
      const calls = [...Array.from({ length: 30 }, (_, i) => `wrong-${i}`), DEMO_PASSWORD]
      const body = Object.fromEntries(calls.map((password, i) => [String(i), { username: 'c1', password }]))
      const answer = await sendTo(own, `/trpc/${calls.map(() => 'auth.login').join(',')}?batch=1`, {
        method: 'POST',
        body,
      })
      const codes = (answer.body as { error?: { data: { code: string } } }[]).map(
        (r) => r.error?.data.code ?? 'OK',
      )
      expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHORIZED'))
      expect(codes.slice(10)).toEqual(Array(21).fill('TOO_MANY_REQUESTS'))
      expect(answer.headers.getSetCookie()).toEqual([])
      const after = await mutate('auth.login', { username: 'c1', password: DEMO_PASSWORD }, {}, own)
      expectRefusal(after, 429, 'TOO_MANY_REQUESTS')
    } finally {
      await own.close()
    }
  })

  it('15 guesses in parallel: at most 10 are judged, the rest refused before any password is looked at', async () => {
    const own = await startServer()
    try {
      const passwords = [...Array.from({ length: 14 }, (_, i) => `wrong-${i}`), DEMO_PASSWORD]
      const answers = await Promise.all(
        passwords.map((password) => mutate('auth.login', { username: 'c2', password }, {}, own)),
      )
      const judged = answers.filter((a) => a.status !== 429)
      expect(judged.length).toBeLessThanOrEqual(10)
      expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(5)
      // The right password was either among the ten judged (and signed in, as one of 10 tries may) or refused.
      const signedIn = answers.filter((a) => a.status === 200)
      expect(signedIn.length).toBeLessThanOrEqual(1)
      expect(
        await mutate('auth.login', { username: 'c2', password: 'one-more-guess' }, {}, own).then(
          (a) => a.status,
        ),
      ).toBe(signedIn.length ? 401 : 429)
    } finally {
      await own.close()
    }
  })

  it('a batch of more than 50 calls is refused whole with a sentence, and nothing runs', async () => {
    const before = count('audit_log')
    const paths = Array.from({ length: 51 }, () => 'auth.login').join(',')
    const body = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [String(i), { username: 'c3', password: 'x' }]),
    )
    const answer = await sendTo(server, `/trpc/${paths}?batch=1`, { method: 'POST', body })
    expect(expectRefusal(answer, 400, 'BAD_REQUEST')).toBe('一次最多只能发送 50 个请求，请分批发送。')
    expect(count('audit_log')).toBe(before)
  })
})

describe('deep or huge JSON', () => {
  it('an array 30 000 levels deep under an unknown key is refused before anything runs: no change, no entry', async () => {
    const cookie = await signIn('manager')
    const projectId = await demoProjectId(cookie)
    const before = {
      audit: count('audit_log'),
      name: (await query('projects.get', { projectId }, { cookie })).body.result.data.name,
    }
    const body = `{"projectId":${JSON.stringify(projectId)},"name":"被改名了","junk":${'['.repeat(30_000)}${']'.repeat(30_000)}}`
    const answer = await mutate('projects.update', body, { cookie })
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect((await query('projects.get', { projectId }, { cookie })).body.result.data.name).toBe(before.name)
    expect(count('audit_log')).toBe(before.audit)
  })

  it('says so in a sentence when the nesting parses but goes too deep', async () => {
    const cookie = await signIn('manager')
    const body = `{"projectId":"x","junk":${'['.repeat(40)}${']'.repeat(40)}}`
    expect(expectRefusal(await mutate('projects.update', body, { cookie }), 400, 'BAD_REQUEST')).toBe(
      '请求内容嵌套层数过多，请检查后重试。',
    )
  })
})

describe('cross-site requests', () => {
  const staffBody = (projectId: string, username: string) => ({
    username,
    name: '跨站',
    role: 'director',
    password: 'evil-password-1',
    projectIds: [projectId],
  })

  it('a text/plain form post from another origin with the director’s cookie creates nobody', async () => {
    const cookie = await signIn('director')
    const projectId = await demoProjectId(cookie)
    const before = count('users')
    const forged = await sendTo(server, '/trpc/staff.create', {
      method: 'POST',
      body: JSON.stringify(staffBody(projectId, 'evil.director')),
      contentType: 'text/plain',
      cookie,
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    expect(expectRefusal(forged, 403, 'FORBIDDEN')).toContain('来自其他网站')
    const originOnly = await sendTo(server, '/trpc/staff.create', {
      method: 'POST',
      body: staffBody(projectId, 'evil.director2'),
      cookie,
      headers: { origin: 'http://evil.example' },
    })
    expectRefusal(originOnly, 403, 'FORBIDDEN')
    const nullOrigin = await sendTo(server, '/trpc/staff.create', {
      method: 'POST',
      body: staffBody(projectId, 'evil.director3'),
      cookie,
      headers: { origin: 'null' },
    })
    expectRefusal(nullOrigin, 403, 'FORBIDDEN')
    expect(count('users')).toBe(before)
  })

  it('a sign-in from another site is refused too (no session planted in the victim’s browser)', async () => {
    const answer = await sendTo(server, '/trpc/auth.login', {
      method: 'POST',
      body: { username: 'c4', password: DEMO_PASSWORD },
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expectRefusal(answer, 403, 'FORBIDDEN')
    expect(answer.headers.getSetCookie()).toEqual([])
  })

  it('the same origin, a call with no Origin (curl, integrations) and a device token are answered as before', async () => {
    const cookie = await signIn('director')
    const projectId = await demoProjectId(cookie)
    const own = new URL(server.url).host
    const same = await sendTo(server, '/trpc/projects.update', {
      method: 'POST',
      body: { projectId, name: '思源·示范项目' },
      cookie,
      headers: { origin: `http://${own}`, 'sec-fetch-site': 'same-origin' },
    })
    expect(same.status, same.text).toBe(200)
    const bare = await mutate('projects.update', { projectId, name: '思源·示范项目' }, { cookie })
    expect(bare.status, bare.text).toBe(200)
    const paired = await mutate('devices.pair', { projectId, kind: 'kiosk', name: '前台' }, { cookie })
    const device = await sendTo(server, '/trpc/rotation.signIn', {
      method: 'POST',
      body: { pin: '1006' },
      bearer: paired.body.result.data.token,
      headers: { origin: 'http://kiosk.local' },
    })
    expect(device.status, device.text).toBe(200)
  })
})

/** Reads server-sent events off a raw stream; `ended` settles when the server closes it. */
function openStream(path: string, input: unknown, headers: Record<string, string>) {
  const events: { event: string; data: string; at: number }[] = []
  const controller = new AbortController()
  const ended = (async () => {
    const response = await fetch(
      `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
      { headers, signal: controller.signal },
    )
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return 'ended'
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
        events.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '', at: Date.now() })
        end = buffer.indexOf('\n\n')
      }
    }
  })()
  const until = async (predicate: () => boolean, ms = 3_000) => {
    const deadline = Date.now() + ms
    while (!predicate() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    return predicate()
  }
  return { events, ended, until, close: () => controller.abort() }
}

describe('open streams end with their credentials', () => {
  it('a board’s stream ends within a second of devices.revoke, saying the device is no longer paired', async () => {
    const cookie = await signIn('manager')
    const projectId = await demoProjectId(cookie)
    const paired = (await mutate('devices.pair', { projectId, kind: 'board', name: '大厅' }, { cookie })).body
      .result.data
    const stream = openStream('rotation.onChange', { projectId }, { authorization: `Bearer ${paired.token}` })
    expect(await stream.until(() => stream.events.some((e) => e.event === 'message'))).toBe(true)
    const revokedAt = Date.now()
    await mutate('devices.revoke', { deviceId: paired.deviceId }, { cookie })
    expect(await stream.ended).toBe('ended')
    const error = stream.events.find((e) => e.event === 'serialized-error')
    expect(error, 'the stream says why it ends').toBeDefined()
    expect(error!.at - revokedAt).toBeLessThan(1_500)
    expect(JSON.parse(error!.data)).toMatchObject({
      data: { code: 'UNAUTHORIZED' },
      message: '这台设备未配对或已被撤销，请让经理重新配对。',
    })
  })

  it('a consultant’s notice stream ends after logout, and after deactivation', async () => {
    for (const end of ['logout', 'deactivate'] as const) {
      const manager = await signIn('manager')
      const projectId = await demoProjectId(manager)
      const cookie = await signIn('c5')
      const stream = openStream('rotation.onNotice', { projectId }, { cookie })
      expect(await stream.until(() => stream.events.some((e) => e.event === 'connected'))).toBe(true)
      if (end === 'logout') await mutate('auth.logout', {}, { cookie })
      else {
        const c5 = (await query('staff.list', { projectId }, { cookie: manager })).body.result.data.find(
          (s: { username: string }) => s.username === 'c5',
        )
        await mutate('staff.setActive', { userId: c5.id, active: false }, { cookie: manager })
      }
      expect(await stream.ended).toBe('ended')
      expect(stream.events.map((e) => e.event)).toContain('serialized-error')
      if (end === 'deactivate') {
        const c5 = (await query('staff.list', { projectId }, { cookie: manager })).body.result.data.find(
          (s: { username: string }) => s.username === 'c5',
        )
        await mutate('staff.setActive', { userId: c5.id, active: true }, { cookie: manager })
      }
    }
  })
})

describe('batches through tRPC’s own httpBatchLink', () => {
  it('answers each call of a batch in order, successes and refusals side by side', async () => {
    const cookie = await signIn('assistant')
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/trpc`, headers: { cookie } })],
    })
    const projectId = await demoProjectId(cookie)
    const [me, project, devices] = await Promise.allSettled([
      client.auth.me.query(),
      client.projects.get.query({ projectId }),
      client.devices.list.query({ projectId }),
    ])
    expect(me.status === 'fulfilled' && me.value.user.username).toBe('assistant')
    expect(project.status === 'fulfilled' && project.value.code).toBe('DEMO')
    expect(devices.status).toBe('rejected')
    const reason = (devices as PromiseRejectedResult).reason as TRPCClientError<AppRouter>
    expect(reason).toBeInstanceOf(TRPCClientError)
    expect(reason.data?.code).toBe('FORBIDDEN')
    expect(reason.message).toBe('你的角色无权进行此操作。')
  })

  it('a batch of mutations runs them in order in one request', async () => {
    const cookie = await signIn('manager')
    const projectId = await demoProjectId(cookie)
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/trpc`, headers: { cookie } })],
    })
    const [a, b] = await Promise.all([
      client.devices.pair.mutate({ projectId, kind: 'kiosk', name: '一号' }),
      client.devices.pair.mutate({ projectId, kind: 'board', name: '二号' }),
    ])
    expect(a.deviceId).not.toBe(b.deviceId)
    const listed = await client.devices.list.query({ projectId })
    expect(listed.map((d) => d.name)).toEqual(expect.arrayContaining(['一号', '二号']))
  })

  it('a mutation sent by GET in a batch is refused, and so is a subscription in a batch', async () => {
    const cookie = await signIn('manager')
    const projectId = await demoProjectId(cookie)
    const input = encodeURIComponent(
      JSON.stringify({ 0: { projectId, kind: 'kiosk', name: 'GET 配对' }, 1: { projectId } }),
    )
    const answer = await sendTo(server, `/trpc/devices.pair,rotation.onNotice?batch=1&input=${input}`, {
      cookie,
    })
    expect((answer.body as { error: { data: { code: string } } }[]).map((r) => r.error.data.code)).toEqual([
      'METHOD_NOT_SUPPORTED',
      'METHOD_NOT_SUPPORTED',
    ])
  })
})
