/**
 * `pnpm bench:checkin` — kiosk check-in throughput against this machine's own floor, in one run.
 *
 * Floors, measured now on this machine in the same rounds as the check-ins (this machine's disk and
 * CPU drift by half within minutes, so each round measures its floors right before its check-ins,
 * and the ratio of a round is against that round's own floor):
 *   - HTTP: a bare node:http JSON echo server driven by the same client and concurrency;
 *   - disk: power-safe SQLite commits (WAL, synchronous=FULL), one row per transaction.
 * Then the real server (the production bundle, on a fresh database file) takes `kiosk.checkIn` from
 * 50 concurrent connections while nobody finishes a reception, so the waiting line grows into the
 * tens of thousands; throughput and p50/p99/max per slice show whether a check-in's cost stays flat
 * as it grows and whether anything stalls. The same router behind tRPC's own node-http adapter
 * (adapter-server.ts) takes the same load, so the choice of transport is measured, not assumed.
 * Before the flood, 100 boards subscribe to `rotation.onChange` and the time from each check-in's
 * response to each board's update is measured. Prints figures and ratios; asserts nothing.
 *
 * The server is warmed up first with WARMUP check-ins (they join the line; they are not counted),
 * so the figure is the steady state and not the JIT compiler's first seconds; the first round
 * against the last still shows any growth in cost as the line lengthens.
 *
 * Options (environment): CHECKINS (default 20000, in ROUNDS of equal size), ROUNDS (4), WARMUP (2000),
 * CONCURRENCY (50), BOARDS (100), SECONDS (2: each floor's reading per round), ADAPTER (1: also
 * measure tRPC's adapter, for half the rounds; 0: skip it), PROF (a folder: the server writes a V8 CPU
 * profile there when it stops, to see where a check-in's time goes).
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
const SECONDS = Number(process.env.SECONDS ?? 2)
const ROUNDS = Number(process.env.ROUNDS ?? 4)
const ADAPTER = process.env.ADAPTER !== '0'
const work = mkdtempSync(join(tmpdir(), 'anchang-bench-'))

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

// ---- one HTTP client for every measurement ------------------------------------------------------

/** Replaced after each server stops, so no request goes out on a socket of a server that is gone. */
let agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })

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

interface Latencies {
  p50: number
  p99: number
  max: number
}

function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN }
}

/**
 * Sends `total` requests (or runs for `seconds`) from `CONCURRENCY` loops; answers the rate, the
 * latencies, and the same per slice of `slice` requests in the order they finished.
 */
async function drive(opts: {
  port: number
  path: string
  body: (i: number) => string
  headers?: Record<string, string>
  total?: number
  seconds?: number
  slice?: number
}) {
  let next = 0
  let failures = 0
  const all: number[] = []
  const slices: { rate: number; latency: Latencies }[] = []
  let current: number[] = []
  let sliceStart = performance.now()
  const started = sliceStart
  const deadline = opts.seconds ? started + opts.seconds * 1000 : Infinity
  const loop = async () => {
    for (;;) {
      const i = next++
      if ((opts.total !== undefined && i >= opts.total) || performance.now() > deadline) return
      const t0 = performance.now()
      const res = await post(opts.port, opts.path, opts.body(i), opts.headers)
      const t1 = performance.now()
      if (res.status !== 200) failures += 1
      all.push(t1 - t0)
      current.push(t1 - t0)
      if (opts.slice && current.length === opts.slice) {
        slices.push({ rate: current.length / ((t1 - sliceStart) / 1000), latency: latencies(current) })
        current = []
        sliceStart = t1
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, loop))
  const seconds = (performance.now() - started) / 1000
  return { rate: all.length / seconds, ...latencies(all), count: all.length, failures, slices }
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

/** The echo server stays up for the whole run: each round drives it for a while. */
async function startEcho() {
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
  return startChild(['-e', source], {})
}

function echoFloor(port: number, seconds: number) {
  return drive({
    port,
    path: '/echo',
    body: (i) => JSON.stringify({ phone: `139${String(i).padStart(8, '0')}` }),
    seconds,
  })
}

// ---- floor 2: power-safe SQLite commits ----------------------------------------------------------

let floorRuns = 0
function commitFloor(seconds: number) {
  const file = join(work, `commit-floor-${(floorRuns += 1)}.db`)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('create table t (id integer primary key, payload text)')
  const insert = db.prepare('insert into t (payload) values (?)')
  const payload = 'x'.repeat(300)
  const started = performance.now()
  let commits = 0
  while (performance.now() - started < seconds * 1000) {
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
  const { child } = await startChild(
    [
      ...(process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : []),
      join(root, 'apps/server/dist/main.js'),
    ],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_FILE: join(work, 'bench.db'),
      SEED: 'minimal',
      LOG_LEVEL: 'info',
    },
  )
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
  let closing = false
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
            // Destroying the request at the end resets the stream: its reset is expected, not a failure.
            res.on('error', () => {})
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
        req.on('error', (error) => (closing ? undefined : fail(error)))
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
  closing = true
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

const checkInBody = (i: number) =>
  JSON.stringify({
    phone: `13${(i % 7) + 3}${String(i).padStart(8, '0')}`,
    surname: '王',
    title: '先生',
    partySize: 2,
    channel: '网络',
    consentVersion: '2026-11',
  })

/** Pairs a kiosk and a board, signs three consultants in: the office every measurement starts from. */
async function openOffice(port: number) {
  const login = await call<{ user: { projects: { id: string }[] } }>(port, 'auth.login', {
    username: 'manager',
    password: 'demo1234',
  })
  const cookie = { cookie: login.cookie! }
  const projectId = login.data.user.projects[0]!.id
  const pair = async (kind: 'kiosk' | 'board') =>
    (await call<{ token: string }>(port, 'devices.pair', { projectId, kind, name: `bench ${kind}` }, cookie))
      .data.token
  const kiosk = await pair('kiosk')
  const board = await pair('board')
  for (const pin of ['1001', '1002', '1003'])
    await call(port, 'rotation.signIn', { pin }, { authorization: `Bearer ${kiosk}` })
  return { projectId, kiosk, board }
}

interface Round {
  commits: number
  echo: number
  checkIns: Awaited<ReturnType<typeof drive>>
}

/**
 * WARMUP check-ins (they join the line, uncounted), then `rounds` rounds: the floors, then
 * CHECKINS / ROUNDS check-ins, each round's ratio against its own floor.
 */
async function measure(port: number, kiosk: string, echoPort: number, rounds: number): Promise<Round[]> {
  const headers = { authorization: `Bearer ${kiosk}` }
  await drive({
    port,
    path: '/trpc/kiosk.checkIn',
    headers,
    total: WARMUP,
    body: (i) => checkInBody(10_000_000 + i),
  })
  const perRound = Math.max(1, Math.floor(CHECKINS / ROUNDS))
  const result: Round[] = []
  for (let r = 0; r < rounds; r++) {
    const commits = commitFloor(SECONDS).rate
    const echo = (await echoFloor(echoPort, SECONDS)).rate
    const checkIns = await drive({
      port,
      path: '/trpc/kiosk.checkIn',
      headers,
      total: perRound,
      body: (i) => checkInBody(r * perRound + i),
    })
    result.push({ commits, echo, checkIns })
  }
  return result
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const ratioOf = (round: Round) => round.checkIns.rate / Math.min(round.commits, round.echo)

function printRounds(label: string, rounds: Round[]) {
  console.log(`\n${label}`)
  rounds.forEach((round, i) => {
    const c = round.checkIns
    console.log(
      `  round ${i + 1}: floor ${fmt(round.commits)} commits/s, echo ${fmt(round.echo)} req/s; check-in ${fmt(c.rate)} req/s = ${fmt(ratioOf(round), 2)}×   p50 ${fmt(c.p50, 1)}  p99 ${fmt(c.p99, 1)}  max ${fmt(c.max, 1)} ms${c.failures ? `   (${c.failures} failed)` : ''}`,
    )
  })
  const ratios = rounds.map(ratioOf)
  console.log(
    `  ratio check-in ÷ lower floor: median ${fmt(median(ratios), 2)}, lowest ${fmt(Math.min(...ratios), 2)}; p99 highest ${fmt(Math.max(...rounds.map((r) => r.checkIns.p99)), 1)} ms; the line grew from ${fmt(WARMUP)} to ${fmt(WARMUP + rounds.reduce((n, r) => n + r.checkIns.count, 0))}`,
  )
}

async function adapterServer() {
  const { child, port } = await startChild(['--import', 'tsx', join(root, 'bench/adapter-server.ts')], {
    DB_FILE: join(work, 'adapter.db'),
  })
  return { child, port }
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
  agent.destroy()
  agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
}

console.log(
  `Anchang check-in benchmark — ${ROUNDS} rounds of ${fmt(Math.floor(CHECKINS / ROUNDS))} check-ins after ${fmt(WARMUP)} to warm up, ${CONCURRENCY} connections, ${BOARDS} boards`,
)
const echoServer = await startEcho()
let ours: Round[]
let adapter: Round[] | null = null
try {
  {
    const { child, port } = await startServer()
    try {
      const office = await openOffice(port)
      const sse = await boardLatency(port, office.projectId, office.kiosk, office.board)
      console.log(
        `\nboard  update after check-in response, ${BOARDS} boards: p50 ${fmt(sse.p50, 1)} ms, p99 ${fmt(sse.p99, 1)} ms (goal p99 < 50 ms)${sse.missed ? `, ${sse.missed} of ${sse.samples} never arrived` : ''}`,
      )
      ours = await measure(port, office.kiosk, echoServer.port, ROUNDS)
      printRounds('kiosk.checkIn through our transport (goal: ≥ 0.60× in every round, p99 < 50 ms)', ours)
    } finally {
      await stop(child)
    }
  }
  if (ADAPTER) {
    const { child, port } = await adapterServer()
    try {
      const office = await openOffice(port)
      adapter = await measure(port, office.kiosk, echoServer.port, Math.max(1, Math.floor(ROUNDS / 2)))
      printRounds("kiosk.checkIn through tRPC's own node-http adapter", adapter)
    } finally {
      await stop(child)
    }
  }
} finally {
  await stop(echoServer.child)
}
if (adapter) {
  const rates = (rounds: Round[]) => median(rounds.map((r) => r.checkIns.rate))
  console.log(
    `\nour transport ÷ tRPC's adapter: check-ins per second ${fmt(rates(ours) / rates(adapter), 2)}, ratio to the floor ${fmt(median(ours.map(ratioOf)) / median(adapter.map(ratioOf)), 2)} (medians)`,
  )
}
console.log(`kiosk  initial JavaScript ${kioskInitialJs()}`)
agent.destroy()
rmSync(work, { recursive: true, force: true })
