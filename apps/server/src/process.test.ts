/**
 * The server as a process: SIGTERM drains and closes cleanly, SEED touches only an empty database,
 * and an acknowledged check-in survives a crash (SIGKILL) and a restart with the same board.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'anchang-process-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Running {
  child: ChildProcess
  port: number
  output: () => string
}

function start(dbFile: string, seed = 'minimal'): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DB_FILE: dbFile, SEED: seed, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/"msg":"listening","port":(\d+)/)
      if (match) resolve({ child, port: Number(match[1]), output: () => output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)))
  })
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

async function call<T>(
  port: number,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
) {
  const url = `http://127.0.0.1:${port}/trpc/${path}${method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  })
  const json = (await response.json()) as { result?: { data: T }; error?: { message: string } }
  if (!json.result) throw new Error(`${path}: ${json.error?.message}`)
  return { data: json.result.data, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' }
}

async function pairKiosk(port: number) {
  const login = await call<{ user: { projects: { id: string }[] } }>(port, 'auth.login', {
    username: 'manager',
    password: 'demo1234',
  })
  const projectId = login.data.user.projects[0]!.id
  const { data } = await call<{ token: string }>(
    port,
    'devices.pair',
    { projectId, kind: 'kiosk', name: '前台' },
    { cookie: login.cookie },
  )
  return { projectId, auth: { authorization: `Bearer ${data.token}` } }
}

// Each test starts real server processes (TypeScript compiled on the fly): slow on a busy machine.
describe('the server process', { timeout: 30_000 }, () => {
  it('drains on SIGTERM: open board streams end, the database is checkpointed and closed, exit code 0', async () => {
    const db = join(dir, 'term.db')
    const server = await start(db)
    const { projectId, auth } = await pairKiosk(server.port)
    const stream = await fetch(
      `http://127.0.0.1:${server.port}/trpc/rotation.onChange?input=${encodeURIComponent(JSON.stringify({ projectId }))}`,
      { headers: auth },
    )
    const reader = stream.body!.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toContain('queue')
    const code = exited(server.child)
    server.child.kill('SIGTERM')
    expect(await code).toBe(0)
    // The stream ends cleanly (the board reconnects to the next server) rather than being cut off.
    for (;;) if ((await reader.read()).done) break
    expect(server.output()).toContain('"msg":"closed"')
    expect(statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0)
  })

  it('keeps an acknowledged check-in through a crash, and ignores SEED on a database with data', async () => {
    const db = join(dir, 'crash.db')
    const first = await start(db)
    const { projectId, auth } = await pairKiosk(first.port)
    await call(first.port, 'rotation.signIn', { pin: '1001' }, auth)
    const assigned = await call<{ outcome: string; receptionId: string }>(
      first.port,
      'kiosk.checkIn',
      { phone: '13800138000', partySize: 2 },
      auth,
    )
    const waiting = await call<{ outcome: string; waitingId: string }>(
      first.port,
      'kiosk.checkIn',
      { phone: '13900139000' },
      auth,
    )
    expect([assigned.data.outcome, waiting.data.outcome]).toEqual(['assigned', 'waiting'])
    const before = await call<unknown>(first.port, 'rotation.board', { projectId }, auth, 'GET')
    const killed = exited(first.child)
    first.child.kill('SIGKILL')
    await killed

    const second = await start(db, 'demo')
    try {
      const after = await call<{
        queue: unknown[]
        waiting: { waitingId: string }[]
        receiving: { receptionId: string }[]
      }>(second.port, 'rotation.board', { projectId }, auth, 'GET')
      expect(after.data).toEqual(before.data)
      expect(after.data.receiving.map((r) => r.receptionId)).toEqual([assigned.data.receptionId])
      expect(after.data.waiting.map((w) => w.waitingId)).toEqual([waiting.data.waitingId])
      expect(second.output()).toContain('seed ignored')
    } finally {
      const code = exited(second.child)
      second.child.kill('SIGTERM')
      await code
    }
  })
})
