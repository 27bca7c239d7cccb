/**
 * `pnpm bench:customers` — the customer book's reads on a big book, against raw SQL on the same file.
 *
 * Generates one project with CUSTOMERS customers (default 500 000) and ACTIVITIES activities (default
 * 5 000 000) on a fresh database file, written straight through better-sqlite3 in large transactions,
 * and prints how long that took. Then, for each lookup a sales office makes all day, it measures the
 * server's time (the real procedure through tRPC's caller, session check, masking and audit included)
 * and, in the same run and on the same file, the same lookup as one raw indexed SQL query; it prints
 * p50/p95 of both and the ratio of the p95s. Goal: every ratio within 3×. Asserts nothing.
 *
 * Lookups: search by full number, by a fragment of digits and by the start of a name (a consultant at
 * the front desk); "my customers" first page filtered by grade; the overdue list (the consultant's
 * own, and the whole team's as a manager sees it); one customer's timeline.
 *
 * Options (environment): CUSTOMERS (500000), ACTIVITIES (5000000), RUNS (300 per lookup and side),
 * CONSULTANTS (40), BUDGET_MS (10000: per lookup, side and half, past 30 runs), KEEP (1: keep the
 * database file and print its path).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '@anchang/db'
import { sweepEndedProtection } from '@anchang/api'
import { createTestWorld, TEST_START, type TestUser } from '@anchang/api/testing'

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 500_000)
const ACTIVITIES = Number(process.env.ACTIVITIES ?? 5_000_000)
const RUNS = Number(process.env.RUNS ?? 300)
const CONSULTANTS = Number(process.env.CONSULTANTS ?? 40)
const KEEP = process.env.KEEP === '1'
/** Time each side of a lookup may take per half before it stops at fewer runs. */
const BUDGET_MS = Number(process.env.BUDGET_MS ?? 10_000)
const DAY_MS = 86_400_000
const GOAL = 3

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** A deterministic random sequence, so every run builds the same book. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20261202)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
]
const GIVEN = [
  '建国',
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
]
const GRADES = ['A', 'B', 'C', 'D'] as const
const CADENCE = { A: 3, B: 7, C: 15 } as const
const CHANNELS = ['自然来访', '网络', '老带新', '中介']
const TYPES = ['visit', 'call', 'follow_up', 'follow_up', 'follow_up'] as const
const METHODS = ['phone', 'wechat', 'visit'] as const

/** Every customer's number, unique: i ↦ i·7919 mod 10⁹ is one-to-one, behind a mobile prefix. */
const phoneOf = (i: number) =>
  `13${i % 10}${String((i * 7919) % 1_000_000_000).padStart(9, '0')}`.slice(0, 11)
const localDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

const work = mkdtempSync(join(tmpdir(), 'anchang-bench-customers-'))
const file = join(work, 'book.db')
const database = openDatabase(file)
const world = createTestWorld({ database })
const now = TEST_START.getTime()
const project = world.createProject({ code: 'BENCH', channels: CHANNELS })
const manager = await world.createUser({ role: 'manager', projectIds: [project.id] })
const team: TestUser[] = []
for (let i = 0; i < CONSULTANTS; i++)
  team.push(await world.createUser({ role: 'consultant', projectIds: [project.id], name: `顾问${i + 1}` }))

// ---- the book ------------------------------------------------------------------------------------

interface Made {
  id: string
  phone: string
  searchName: string
  ownerId: string | null
}
const made: Made[] = []
const sqlite = database.sqlite
// Generation only: nothing here must survive a power cut. The lookups run with the server's FULL.
sqlite.pragma('synchronous = OFF')
sqlite.pragma('cache_size = -400000')
const started = performance.now()
const insertCustomer = sqlite.prepare(
  `insert into customers (id, project_id, phone, surname, title, full_name, search_name, owner_id, grade, grade_at,
     protection_ends_at, last_contact_at, follow_up_due_on, channel, created_at, updated_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
)
const STEP = 50_000
for (let at = 0; at < CUSTOMERS; at += STEP) {
  sqlite.transaction(() => {
    for (let i = at; i < Math.min(CUSTOMERS, at + STEP); i++) {
      const surname = pick(SURNAMES)
      const title = rand() < 0.5 ? '先生' : '女士'
      const fullName = rand() < 0.6 ? `${surname}${pick(GIVEN)}` : null
      const searchName = (fullName ?? `${surname}${title}`).toLowerCase()
      const lastContact = now - Math.floor(rand() * 90 * DAY_MS)
      // Seven in ten have an owner; of those, protection still runs for most (30 days from contact).
      const owned = rand() < 0.7
      const protectionEnds = lastContact + 30 * DAY_MS
      const ownerId = owned ? team[i % CONSULTANTS]!.id : null
      const grade = pick(GRADES)
      const due = ownerId && grade !== 'D' ? localDay(lastContact + CADENCE[grade] * DAY_MS) : null
      const created = new Date(lastContact - Math.floor(rand() * 60 * DAY_MS)).toISOString()
      const id = `cust${String(i).padStart(7, '0')}`
      const phone = phoneOf(i)
      insertCustomer.run(
        id,
        project.id,
        phone,
        surname,
        title,
        fullName,
        searchName,
        ownerId,
        grade,
        new Date(lastContact).toISOString(),
        ownerId ? new Date(protectionEnds).toISOString() : null,
        new Date(lastContact).toISOString(),
        due,
        pick(CHANNELS),
        created,
        created,
      )
      made.push({ id, phone, searchName, ownerId })
    }
  })()
}
const customersDone = performance.now()
const insertActivity = sqlite.prepare(
  `insert into activities (id, project_id, customer_id, type, happened_at, entered_at, late, consultant_id, method, note)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
)
const ACTIVITY_STEP = 200_000
for (let at = 0; at < ACTIVITIES; at += ACTIVITY_STEP) {
  sqlite.transaction(() => {
    for (let i = at; i < Math.min(ACTIVITIES, at + ACTIVITY_STEP); i++) {
      const customer = made[i % made.length]!
      const type = pick(TYPES)
      const happened = now - Math.floor(rand() * 180 * DAY_MS)
      const late = rand() < 0.03
      const entered = late ? happened + DAY_MS + Math.floor(rand() * DAY_MS) : happened + 60_000
      insertActivity.run(
        `act${String(i).padStart(8, '0')}`,
        project.id,
        customer.id,
        type,
        new Date(happened).toISOString(),
        new Date(entered).toISOString(),
        late ? 1 : 0,
        customer.ownerId ?? team[i % CONSULTANTS]!.id,
        type === 'follow_up' ? pick(METHODS) : null,
        type === 'follow_up' ? '客户关注学区，周末再来看样板间' : null,
      )
    }
  })()
  process.stdout.write(`\r  activities ${fmt(Math.min(ACTIVITIES, at + ACTIVITY_STEP))} / ${fmt(ACTIVITIES)}`)
}
// What the running server's sweep does every ten minutes: lapsed protections lose their due day.
const swept = sweepEndedProtection(database.db, TEST_START)
sqlite.pragma('synchronous = FULL')
sqlite.pragma('analysis_limit = 1000')
sqlite.exec('analyze')
const generated = performance.now()
process.stdout.write('\n')
console.log(
  `generated ${fmt(CUSTOMERS)} customers in ${fmt((customersDone - started) / 1000, 1)} s and ${fmt(ACTIVITIES)} activities in ${fmt((generated - customersDone) / 1000, 1)} s (${fmt(statSync(file).size / 1024 / 1024)} MB; the sweep moved ${fmt(swept)} lapsed protections to the pool)`,
)

// ---- the lookups ---------------------------------------------------------------------------------

const today = localDay(now)
const nowIso = TEST_START.toISOString()
const consultantOf = (n: number) => team[n % CONSULTANTS]!
const someone = (n: number) => made[(n * 104_729) % made.length]!

interface Lookup {
  name: string
  server: (n: number) => Promise<unknown>
  raw: (n: number) => unknown
}

const rawSearch = (where: string) =>
  sqlite.prepare(
    `select c.*, u.name as owner_name from customers c left join users u on u.id = c.owner_id
     where c.project_id = ? and c.erased_at is null and ${where} limit 50`,
  )
const byPhone = rawSearch('c.phone = ?')
// A consultant sees numbers masked: four digits match the last four (尾号) of anyone's number, or
// any part of the numbers of their own protected customers.
const byFragment = rawSearch(
  `c.id in (select id from customers where project_id = ? and owner_id = ? and protection_ends_at > ? and phone like ?
     union all select id from customers where project_id = ? and substr(phone, 8, 4) = ?)`,
)
const byName = rawSearch('c.search_name >= ? and c.search_name < ?')
const mine = sqlite.prepare(
  `select * from customers where project_id = ? and owner_id = ? and protection_ends_at > ? and grade = ?
     and erased_at is null order by last_contact_at desc, id desc limit 51`,
)
const mineOverdue = sqlite.prepare(
  `select * from customers where project_id = ? and owner_id = ? and follow_up_due_on < ? and protection_ends_at > ?
     and erased_at is null order by follow_up_due_on, id limit 51`,
)
const teamOverdue = sqlite.prepare(
  `select * from customers where project_id = ? and owner_id is not null and follow_up_due_on < ?
     and protection_ends_at > ? and erased_at is null order by follow_up_due_on, id limit 51`,
)
const timeline = sqlite.prepare(
  `select * from activities where customer_id = ? order by happened_at desc, rowid desc limit 500`,
)
const customerRow = sqlite.prepare(`select * from customers where id = ?`)

const lookups: Lookup[] = [
  {
    name: 'search: full number',
    server: (n) =>
      world.asUser(consultantOf(n)).customers.search({ projectId: project.id, q: someone(n).phone }),
    raw: (n) => byPhone.all(project.id, someone(n).phone),
  },
  {
    name: 'search: last four digits',
    server: (n) =>
      world.asUser(consultantOf(n)).customers.search({ projectId: project.id, q: someone(n).phone.slice(7) }),
    raw: (n) => {
      const last4 = someone(n).phone.slice(7)
      return byFragment.all(
        project.id,
        project.id,
        consultantOf(n).id,
        nowIso,
        `%${last4}%`,
        project.id,
        last4,
      )
    },
  },
  {
    name: 'search: name',
    server: (n) =>
      world
        .asUser(consultantOf(n))
        .customers.search({ projectId: project.id, q: someone(n).searchName.slice(0, 2) }),
    raw: (n) => {
      const start = someone(n).searchName.slice(0, 2)
      return byName.all(project.id, start, `${start}\uffff`)
    },
  },
  {
    name: 'my customers, grade B, page 1',
    server: (n) =>
      world.asUser(consultantOf(n)).customers.list({ projectId: project.id, scope: 'mine', grade: 'B' }),
    raw: (n) => mine.all(project.id, consultantOf(n).id, nowIso, 'B'),
  },
  {
    name: 'my overdue follow-ups',
    server: (n) =>
      world.asUser(consultantOf(n)).customers.list({ projectId: project.id, scope: 'mine', overdue: true }),
    raw: (n) => mineOverdue.all(project.id, consultantOf(n).id, today, nowIso),
  },
  {
    name: "the team's overdue (manager)",
    server: () =>
      world.asUser(manager).customers.list({ projectId: project.id, scope: 'team', overdue: true }),
    raw: () => teamOverdue.all(project.id, today, nowIso),
  },
  {
    name: 'one customer’s timeline',
    server: (n) => {
      const c = someone(n)
      return world
        .asUser(c.ownerId ? team.find((t) => t.id === c.ownerId)! : manager)
        .customers.get({ customerId: c.id })
    },
    raw: (n) => {
      const c = someone(n)
      return [customerRow.get(c.id), timeline.all(c.id)]
    },
  },
]

/** Up to RUNS timings, or fewer (at least 30) where each takes long: a scan of the book is slow. */
async function measure(run: (n: number) => unknown): Promise<number[]> {
  const times: number[] = []
  // A few first, uncounted: the statement caches and the JIT compiler warm up.
  for (let n = 0; n < 10; n++) await run(n + RUNS)
  const until = performance.now() + BUDGET_MS
  for (let n = 0; n < RUNS && (n < 30 || performance.now() < until); n++) {
    const t0 = performance.now()
    await run(n)
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)
}

console.log(
  `\nup to ${RUNS} runs each (fewer for the slow ones); server = the procedure through tRPC's caller; raw = one SQL query on the same file`,
)
console.log(
  `${'lookup'.padEnd(32)} ${'server p50'.padStart(11)} ${'server p95'.padStart(11)} ${'raw p50'.padStart(9)} ${'raw p95'.padStart(9)} ${'p95 ratio'.padStart(10)}`,
)
// What any call costs before it reads anything (session, validation, tRPC): the floor under the ratios.
const floor = await measure((n) => world.asUser(consultantOf(n)).auth.me())
console.log(
  `${'a call that reads nothing'.padEnd(32)} ${fmt(percentile(floor, 50), 2).padStart(8)} ms ${fmt(percentile(floor, 95), 2).padStart(8)} ms`,
)
const misses: string[] = []
for (const lookup of lookups) {
  // Server and raw interleaved in halves, so drift on this machine touches both alike.
  const server: number[] = []
  const raw: number[] = []
  for (let half = 0; half < 2; half++) {
    server.push(...(await measure((n) => lookup.server(n + half * RUNS))))
    raw.push(...(await measure((n) => lookup.raw(n + half * RUNS))))
  }
  server.sort((a, b) => a - b)
  raw.sort((a, b) => a - b)
  const ratio = percentile(server, 95) / percentile(raw, 95)
  if (ratio > GOAL) misses.push(lookup.name)
  console.log(
    `${lookup.name.padEnd(32)} ${fmt(percentile(server, 50), 2).padStart(8)} ms ${fmt(percentile(server, 95), 2).padStart(8)} ms ${fmt(percentile(raw, 50), 2).padStart(6)} ms ${fmt(percentile(raw, 95), 2).padStart(6)} ms ${`${fmt(ratio, 2)}×`.padStart(10)}`,
  )
}
console.log(
  misses.length
    ? `\ngoal (p95 within ${GOAL}× raw) missed by: ${misses.join(', ')}`
    : `\ngoal met: every p95 within ${GOAL}× its raw query`,
)

world.close()
if (KEEP) console.log(`database kept at ${file}`)
else rmSync(work, { recursive: true, force: true })
