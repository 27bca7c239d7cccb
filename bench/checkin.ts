/**
 * `pnpm bench:checkin` — kiosk check-in throughput against this machine's own floor, in one run.
 *
 * Floors, measured now on this machine:
 *   - HTTP: a bare node:http JSON echo server driven by the same client and concurrency;
 *   - disk: power-safe SQLite commits (WAL, synchronous=FULL), one row per transaction.
 * Then the real server (the production bundle, on a fresh database file) takes `kiosk.checkIn` from
 * 50 concurrent connections while nobody finishes a reception, so the waiting line grows into the
 * tens of thousands; throughput per slice shows whether a check-in's cost stays flat as it grows.
 * Before the flood, 100 boards subscribe to `rotation.onChange` and the time from each check-in's
 * response to each board's update is measured. Prints figures and ratios; asserts nothing.
 *
 * The server is warmed up first with WARMUP check-ins (they join the line; they are not counted),
 * so the figure is the steady state and not the JIT compiler's first seconds; the first measured
 * slice against the last still shows any growth in cost as the line lengthens.
 *
 * Options (environment): CHECKINS (default 20000), WARMUP (2000), CONCURRENCY (50), BOARDS (100), SECONDS (4).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const CHECKINS = Number(process.env.CHECKINS ?? 20_000)
const WARMUP = Number(process.env.WARMUP ?? 2_000)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50)
const BOARDS = Number(process.env.BOARDS ?? 100)
const SECONDS = Number(process.env.SECONDS ?? 4)
const work = mkdtempSync(join(tmpdir(), 'anchang-bench-'))

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

// ---- one HTTP client for every measurement ------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })

function post(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Sends `total` requests (or runs for `seconds`) from `CONCURRENCY` loops; answers rate and latencies. */
async function drive(opts: {
  port: number
  path: string
  body: (i: number) => string
  headers?: Record<string, string>
  total?: number
  seconds?: number
  onDone?: (i: number, ms: number) => void
}) {
  let next = 0
  let failures = 0
  const latencies: number[] = []
  const started = performance.now()
  const deadline = opts.seconds ? started + opts.seconds * 1000 : Infinity
  const loop = async () => {
    for (;;) {
      const i = next++
      if ((opts.total !== undefined && i >= opts.total) || performance.now() > deadline) return
      const t0 = performance.now()
      const res = await post(opts.port, opts.path, opts.body(i), opts.headers)
      const ms = performance.now() - t0
      if (res.status !== 200) failures += 1
      latencies.push(ms)
      opts.onDone?.(i, ms)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, loop))
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    rate: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    count: latencies.length,
    failures,
  }
}

function startChild(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let buffer = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const match = buffer.match(/"listening","port":(\d+)|LISTENING (\d+)/)
      if (match) {
        child.stdout!.removeAllListeners('data')
        child.stdout!.resume()
        resolve({ child, port: Number(match[1] ?? match[2]) })
      }
    })
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)))
  })
}

// ---- floor 1: a bare node:http JSON echo ---------------------------------------------------------

async function echoFloor() {
  const source = `
    const http = require('node:http')
    const server = http.createServer((req, res) => {
      const chunks = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', () => {
        const body = JSON.stringify({ result: { data: JSON.parse(Buffer.concat(chunks).toString() || 'null') } })
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(body)
      })
    })
    server.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port))`
  const { child, port } = await startChild(['-e', source], {})
  const result = await drive({
    port,
    path: '/echo',
    body: (i) => JSON.stringify({ phone: `139${String(i).padStart(8, '0')}` }),
    seconds: SECONDS,
  })
  child.kill()
  return result
}

// ---- floor 2: power-safe SQLite commits ----------------------------------------------------------

function commitFloor() {
  const file = join(work, 'commit-floor.db')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('create table t (id integer primary key, payload text)')
  const insert = db.prepare('insert into t (payload) values (?)')
  const payload = 'x'.repeat(300)
  const started = performance.now()
  let commits = 0
  while (performance.now() - started < SECONDS * 1000) {
    insert.run(payload)
    commits += 1
  }
  const rate = commits / ((performance.now() - started) / 1000)
  db.close()
  return { rate }
}

// ---- the real server -----------------------------------------------------------------------------

async function startServer() {
  if (!existsSync(join(root, 'apps/server/dist/main.js'))) {
    spawnSync('pnpm', ['--filter', '@anchang/server', 'build'], { cwd: root, stdio: 'inherit' })
  }
  const probe = http.createServer()
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
  const port = (probe.address() as AddressInfo).port
  probe.close()
  const { child } = await startChild([join(root, 'apps/server/dist/main.js')], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DB_FILE: join(work, 'bench.db'),
    SEED: 'minimal',
    LOG_LEVEL: 'info',
  })
  return { child, port }
}

async function call<T>(
  port: number,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<{ data: T; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input ?? {})
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/trpc/${path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const json = JSON.parse(Buffer.concat(chunks).toString())
          if (json.error) return reject(new Error(`${path}: ${json.error.message}`))
          resolve({ data: json.result.data, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * 100 boards hold `rotation.onChange` open (plain HTTP with the board's Bearer token; a light client,
 * so the figure is the server's and not a heavy client's). For 30 check-ins, one at a time, each
 * board's first event naming the new reception or waiting entry is timed from the check-in's response.
 */
async function boardLatency(port: number, projectId: string, kioskToken: string, boardToken: string) {
  const arrivals: Map<string, number>[] = []
  const requests: http.ClientRequest[] = []
  const watched: string[] = []
  const path = `/trpc/rotation.onChange?input=${encodeURIComponent(JSON.stringify({ projectId }))}`
  await Promise.all(
    Array.from({ length: BOARDS }, () => {
      const seen = new Map<string, number>()
      arrivals.push(seen)
      return new Promise<void>((ready, fail) => {
        const req = http.get(
          {
            host: '127.0.0.1',
            port,
            path,
            headers: { authorization: `Bearer ${boardToken}`, accept: 'text/event-stream' },
          },
          (res) => {
            let buffer = ''
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => {
              const now = performance.now()
              buffer += chunk
              let end = buffer.indexOf('\n\n')
              while (end >= 0) {
                const event = buffer.slice(0, end)
                buffer = buffer.slice(end + 2)
                if (event.includes('"queue"')) {
                  ready()
                  for (const id of watched) if (!seen.has(id) && event.includes(id)) seen.set(id, now)
                }
                end = buffer.indexOf('\n\n')
              }
            })
          },
        )
        req.on('error', fail)
        requests.push(req)
      })
    }),
  )
  const samples: number[] = []
  for (let i = 0; i < 30; i++) {
    const phone = `137${String(i).padStart(8, '0')}`
    const pending = call<{ receptionId?: string; waitingId?: string }>(
      port,
      'kiosk.checkIn',
      { phone, partySize: 2 },
      { authorization: `Bearer ${kioskToken}` },
    )
    const { data } = await pending
    const answered = performance.now()
    const id = data.waitingId ?? data.receptionId!
    watched.push(id)
    await new Promise((r) => setTimeout(r, 150))
    for (const seen of arrivals) {
      const at = seen.get(id)
      samples.push(at === undefined ? Infinity : Math.max(0, at - answered))
    }
  }
  for (const req of requests) req.destroy()
  samples.sort((a, b) => a - b)
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    missed: samples.filter((s) => s === Infinity).length,
    samples: samples.length,
  }
}

function kioskInitialJs(): string {
  const dist = join(root, 'apps/kiosk/dist')
  if (!existsSync(join(dist, 'index.html'))) return 'not built (run pnpm build first)'
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const files = new Set(
    [
      ...html.matchAll(
        /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/kiosk\/([^"]+\.js)"/g,
      ),
    ].map((m) => m[1]!),
  )
  const bytes = [...files].reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  )
  return `${fmt(bytes / 1024, 1)} KB gzipped (goal < 150 KB)`
}

// ---- the run -------------------------------------------------------------------------------------

console.log(
  `Anchang check-in benchmark — ${CHECKINS} check-ins after ${WARMUP} to warm up, ${CONCURRENCY} connections, ${BOARDS} boards\n`,
)
const echo = await echoFloor()
console.log(`floor  node:http JSON echo        ${fmt(echo.rate)} req/s   p99 ${fmt(echo.p99, 2)} ms`)
const commits = commitFloor()
console.log(`floor  SQLite commit (WAL, FULL)   ${fmt(commits.rate)} commits/s`)
const floor = Math.min(echo.rate, commits.rate)

const { child, port } = await startServer()
try {
  const login = await call<{ user: { projects: { id: string }[] } }>(port, 'auth.login', {
    username: 'manager',
    password: 'demo1234',
  })
  const cookie = { cookie: login.cookie! }
  const projectId = login.data.user.projects[0]!.id
  const kiosk = await call<{ token: string }>(
    port,
    'devices.pair',
    { projectId, kind: 'kiosk', name: 'bench kiosk' },
    cookie,
  )
  const board = await call<{ token: string }>(
    port,
    'devices.pair',
    { projectId, kind: 'board', name: 'bench board' },
    cookie,
  )
  for (const pin of ['1001', '1002', '1003'])
    await call(port, 'rotation.signIn', { pin }, { authorization: `Bearer ${kiosk.data.token}` })

  const sse = await boardLatency(port, projectId, kiosk.data.token, board.data.token)
  console.log(
    `board  update after check-in response, ${BOARDS} boards: p50 ${fmt(sse.p50, 1)} ms, p99 ${fmt(sse.p99, 1)} ms (goal p99 < 50 ms)${sse.missed ? `, ${sse.missed} of ${sse.samples} never arrived` : ''}`,
  )

  const checkInBody = (i: number) =>
    JSON.stringify({
      phone: `13${(i % 7) + 3}${String(i).padStart(8, '0')}`,
      surname: '王',
      title: '先生',
      partySize: 2,
      channel: '网络',
      consentVersion: '2026-11',
    })
  await drive({
    port,
    path: '/trpc/kiosk.checkIn',
    headers: { authorization: `Bearer ${kiosk.data.token}` },
    total: WARMUP,
    body: (i) => checkInBody(CHECKINS + i),
  })

  const slice = Math.max(1, Math.floor(CHECKINS / 4))
  const sliceStarts: number[] = []
  let done = 0
  let sliceStart = performance.now()
  const sliceRates: number[] = []
  const result = await drive({
    port,
    path: '/trpc/kiosk.checkIn',
    headers: { authorization: `Bearer ${kiosk.data.token}` },
    total: CHECKINS,
    body: checkInBody,
    onDone: () => {
      done += 1
      if (done % slice === 0) {
        const now = performance.now()
        sliceRates.push(slice / ((now - sliceStart) / 1000))
        sliceStarts.push(done)
        sliceStart = now
      }
    },
  })
  console.log(
    `server kiosk.checkIn                ${fmt(result.rate)} req/s   p50 ${fmt(result.p50, 2)} ms   p99 ${fmt(result.p99, 2)} ms   (${result.failures} failed)`,
  )
  console.log(
    `       by slice of ${fmt(slice)} as the waiting line grows from ${fmt(WARMUP)}: ${sliceRates.map((r) => fmt(r)).join(' → ')} req/s (last ÷ first = ${fmt(sliceRates.at(-1)! / sliceRates[0]!, 2)})`,
  )
  console.log(
    `\nratio  check-in ÷ lower floor (${floor === echo.rate ? 'HTTP echo' : 'SQLite commit'}) = ${fmt(result.rate / floor, 2)}   (goal ≥ 0.50)`,
  )
  console.log(
    `       check-in ÷ HTTP echo = ${fmt(result.rate / echo.rate, 2)}, check-in ÷ SQLite commit = ${fmt(result.rate / commits.rate, 2)}`,
  )
  console.log(`kiosk  initial JavaScript ${kioskInitialJs()}`)
} finally {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
  agent.destroy()
  rmSync(work, { recursive: true, force: true })
}
