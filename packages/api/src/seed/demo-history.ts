import { and, asc, eq, gt, isNotNull, lte } from 'drizzle-orm'
import {
  customers,
  devices,
  hashPassword,
  newId,
  newToken,
  ownershipConflicts,
  projectMembers,
  projects,
  sha256,
  users,
} from '@anchang/db'
import { DomainError, FOLLOW_UP_METHODS, localDate, type Grade, type Role } from '@anchang/shared'
import { serviceContext, type AppDeps } from '../services/context'
import { createChannelReport } from '../services/customers/channel-reports'
import { closeDay } from '../services/customers/day-close'
import { logFollowUp } from '../services/customers/follow-up'
import { registerCustomer, resolveConflict } from '../services/customers/ownership'
import { kioskCheckIn, startCall } from '../services/reception/check-in'
import { finishReception } from '../services/reception/finish'
import { setBreak, signIn, signOut } from '../services/rotation/duty'
import { DemoSales } from './demo-sales'

const DAYS = 90
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'

/** A small deterministic random source, so every demo database tells the same story. */
function random(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  }
}

/** Local wall-clock time in the project's zone (Asia/Shanghai has no daylight saving) as an instant. */
function at(date: string, minutes: number, offsetMinutes = 8 * 60): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minutes - offsetMinutes) * 60_000)
}

type Scheduled = { time: number; run: () => Promise<unknown> }

/** The demo's partner agency: a sign-in of its own that reports customers (DOMAIN.md, `channel`). */
export const DEMO_PARTNER = { username: 'channel1', name: '赵敏', agency: '链家新房' }
const FOLLOW_UP_NOTES = [
  '电话回访，客户关注学区，周末带家人再来',
  '微信发了三居户型图和价格表',
  '客户在比较隔壁楼盘，约下周二看样板间',
  '首付还差一些，等年终奖',
  '对东边户型满意，问了公积金贷款',
  '暂时不考虑，下个月再联系',
]

/**
 * ~90 days of office life for the demo project, produced by the real services on a simulated
 * clock: consultants sign in, visitors and calls arrive, some return to their owner, some wait,
 * receptions finish valid with a grade or invalid. Everything the reports and the reception log
 * show is therefore what the rules would have produced. Runs inside one transaction.
 */
export async function seedDemoHistory(
  deps: AppDeps,
  projectCode = 'DEMO',
  now = deps.clock(),
  onProgress?: (day: number, of: number) => void,
): Promise<void> {
  const project = deps.db.select().from(projects).where(eq(projects.code, projectCode)).get()
  if (!project) return
  const staff = deps.db
    .select({ id: users.id, name: users.name, username: users.username, role: users.role })
    .from(users)
    .innerJoin(
      projectMembers,
      and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, project.id)),
    )
    .all()
  const consultants = staff.filter((s) => s.role === 'consultant')
  const manager = staff.find((s) => s.role === 'manager') ?? staff[0]!
  const director = staff.find((s) => s.role === 'director') ?? manager
  const assistant = staff.find((s) => s.role === 'assistant') ?? manager
  const channels = (await import('../services/projects/read')).activeChannels(deps.db, project.id)
  const rnd = random(20260301)
  const kioskId = newId()
  deps.db
    .insert(devices)
    .values({
      id: kioskId,
      projectId: project.id,
      kind: 'kiosk',
      name: '前台自助机（示范历史）',
      tokenHash: sha256(newToken()),
      createdAt: at(
        localDate(new Date(now.getTime() - (DAYS + 1) * 86_400_000), project.timeZone),
        540,
      ).toISOString(),
      revokedAt: now.toISOString(),
    })
    .run()

  // The partner agency's sign-in (password as every demo account's), for the channel reports below.
  const partnerId = newId()
  const joined = at(localDate(new Date(now.getTime() - (DAYS + 1) * 86_400_000), project.timeZone), 540)
  deps.db
    .insert(users)
    .values({
      id: partnerId,
      username: DEMO_PARTNER.username,
      name: DEMO_PARTNER.name,
      role: 'channel',
      agency: DEMO_PARTNER.agency,
      passwordHash: await hashPassword('demo1234'),
      createdAt: joined.toISOString(),
      updatedAt: joined.toISOString(),
    })
    .run()
  deps.db
    .insert(projectMembers)
    .values({ projectId: project.id, userId: partnerId, joinedAt: joined.toISOString() })
    .run()
  const partner = {
    id: partnerId,
    name: DEMO_PARTNER.name,
    username: DEMO_PARTNER.username,
    role: 'channel' as const,
  }

  let clock = now
  const realClock = deps.clock
  deps.clock = () => clock
  const userCtx = (user: { id: string; name: string; username: string; role: Role }) =>
    serviceContext(deps, { type: 'user', user, sessionId: 'seed', projectIds: [project.id] }, clock)
  const kioskCtx = () =>
    serviceContext(
      deps,
      { type: 'device', device: { id: kioskId, kind: 'kiosk', projectId: project.id, name: '前台自助机' } },
      clock,
    )
  // The sales draw on a random source of their own, so the office's days read as they always did.
  const sales = new DemoSales(
    deps,
    project.id,
    { director, manager, assistant },
    random(20261202),
    (person) => userCtx(person),
  )
  const duty = (c: (typeof consultants)[number]) => ({
    ...userCtx(c),
    duty: { projectId: project.id, consultant: { id: c.id, name: c.name } },
  })

  const knownPhones: string[] = []
  /** Numbers the partner reported that have not visited yet: some of them will. */
  const reported: string[] = []
  let phoneSeq = 0
  const newPhone = () =>
    `1${rnd.pick(['38', '39', '58', '86', '88', '35', '37'])}${String(10_000_000 + ((phoneSeq += 7919) % 89_999_999)).slice(-8)}`
  /** A consultant's own customers due for a follow-up by `date`, soonest first. */
  const dueFor = (consultantId: string, date: string) =>
    deps.db
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          eq(customers.projectId, project.id),
          eq(customers.ownerId, consultantId),
          gt(customers.protectionEndsAt, clock.toISOString()),
          isNotNull(customers.followUpDueOn),
          lte(customers.followUpDueOn, date),
        ),
      )
      .orderBy(asc(customers.followUpDueOn))
      .limit(15)
      .all()
  const followUp = (c: (typeof consultants)[number], customerId: string, happenedAt: Date) =>
    tryIt(() =>
      logFollowUp({
        ctx: userCtx(c),
        input: {
          customerId,
          method: rnd.pick(FOLLOW_UP_METHODS.slice(0, 3)),
          happenedAt: happenedAt.toISOString(),
          note: rnd.pick(FOLLOW_UP_NOTES),
          ...(rnd.chance(0.3) ? { grade: rnd.pick(['A', 'B', 'C'] as const) } : {}),
        },
      }),
    )
  /** Follow-ups remembered at the end of a day and entered the next morning: late entries. */
  let lateOnes: { c: (typeof consultants)[number]; customerId: string; happenedAt: Date }[] = []
  const sqlite = (deps.db as unknown as { $client: { exec(sql: string): void } }).$client
  sqlite.exec('BEGIN')
  try {
    for (let d = DAYS; d >= 1; d--) {
      onProgress?.(DAYS - d + 1, DAYS)
      const date = localDate(new Date(now.getTime() - d * 86_400_000), project.timeZone)
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
      const weekend = weekday === 0 || weekday === 6
      const queue: Scheduled[] = []
      const schedule = (minutes: number, run: () => Promise<unknown>) =>
        queue.push({ time: at(date, minutes).getTime(), run })
      if (d === DAYS) schedule(8 * 60 + 30, () => sales.open(date, localDate(now, project.timeZone)))
      sales.day(date, schedule)
      const onDuty = consultants.filter(() => rnd.chance(0.88))
      onDuty.forEach((c, i) => schedule(8 * 60 + 50 + i * 2 + rnd.int(0, 15), () => signIn({ ctx: duty(c) })))
      // Lunch breaks keep the place; now and then someone steps out on a private errand and loses it.
      for (const c of onDuty) {
        const lunch = rnd.int(11 * 60 + 30, 12 * 60 + 30)
        const reason = rnd.chance(0.1) ? ('private' as const) : ('lunch' as const)
        schedule(lunch, () => tryIt(() => setBreak({ ctx: duty(c), input: { onBreak: true, reason } })))
        schedule(lunch + rnd.int(25, 50), () =>
          tryIt(() => setBreak({ ctx: duty(c), input: { onBreak: false } })),
        )
      }
      const visits = rnd.int(weekend ? 18 : 8, weekend ? 32 : 16)
      for (let v = 0; v < visits; v++) {
        const minute = rnd.int(9 * 60 + 20, 17 * 60 + 40)
        schedule(minute, async () => {
          const returning = knownPhones.length > 20 && rnd.chance(0.25)
          const fromPartner = !returning && reported.length > 0 && rnd.chance(0.3)
          const phone = returning
            ? rnd.pick(knownPhones)
            : fromPartner
              ? reported.splice(rnd.int(0, reported.length - 1), 1)[0]!
              : newPhone()
          if (!returning) knownPhones.push(phone)
          const call = rnd.chance(0.2)
          const input = {
            phone,
            surname: rnd.pick([...SURNAMES]),
            title: rnd.pick(['先生', '女士'] as const),
          }
          await tryIt(() =>
            call
              ? startCall({ ctx: userCtx(manager), input: { ...input, projectId: project.id } })
              : kioskCheckIn({
                  ctx: kioskCtx(),
                  input: {
                    ...input,
                    partySize: rnd.int(1, 4),
                    channel: rnd.pick(channels),
                    consentVersion: '2026-11',
                  },
                }),
          )
        })
      }
      const scheduleFinish = (receptionId: string, from: number) => {
        schedule(from + rnd.int(12, 55), async () => {
          const row = deps.rotation.day(project.id, clock).state.receptions.get(receptionId)
          if (!row) return
          const consultant = consultants.find((c) => c.id === row.consultantId)!
          const invalid = rnd.chance(0.15)
          const grade: Grade = rnd.pick(['A', 'B', 'B', 'C', 'C', 'C', 'D'])
          const finished = await tryIt(() =>
            finishReception({
              ctx: userCtx(consultant),
              input: {
                receptionId,
                result: invalid ? 'invalid' : 'valid',
                ...(invalid ? { note: '市场调查' } : { grade }),
              },
            }),
          )
          if (finished && !invalid) sales.received(date, row.customerId, consultant, grade)
        })
      }
      // The partner reports a few numbers most days; some visit within the window, some never do.
      for (let r = rnd.int(0, 3); r > 0; r--) {
        schedule(rnd.int(9 * 60, 17 * 60), async () => {
          const phone = newPhone()
          const made = await tryIt(async () =>
            createChannelReport({
              ctx: userCtx(partner),
              input: {
                projectId: project.id,
                phone: { full: phone, first3: phone.slice(0, 3), last4: phone.slice(7) },
                channel: '中介渠道',
                agentName: DEMO_PARTNER.name,
              },
            }),
          )
          if (made && rnd.chance(0.6)) reported.push(phone)
        })
      }
      // Yesterday's forgotten follow-ups, entered this morning.
      const late = lateOnes
      lateOnes = []
      for (const entry of late)
        schedule(9 * 60 + rnd.int(5, 40), () => followUp(entry.c, entry.customerId, entry.happenedAt))
      // Late afternoon, each consultant works through the follow-ups due; now and then one is left
      // for tomorrow's first hour and entered late, or simply missed (the overdue lists show it).
      for (const c of onDuty) {
        schedule(16 * 60 + rnd.int(0, 90), async () => {
          for (const { id } of dueFor(c.id, date)) {
            if (rnd.chance(0.12)) continue
            if (rnd.chance(0.08)) lateOnes.push({ c, customerId: id, happenedAt: clock })
            else await followUp(c, id, clock)
          }
        })
      }
      // Two or three times a week a consultant registers a caller another consultant already owns:
      // 撞单, refused and recorded; the manager rules on most of them within days.
      if (knownPhones.length > 20 && rnd.chance(0.4)) {
        schedule(rnd.int(10 * 60, 17 * 60), () =>
          tryIt(async () => {
            const phone = rnd.pick(knownPhones)
            const owner = deps.db
              .select({ ownerId: customers.ownerId })
              .from(customers)
              .where(and(eq(customers.projectId, project.id), eq(customers.phone, phone)))
              .get()?.ownerId
            const other = consultants.find((c) => c.id !== owner && onDuty.includes(c))
            if (owner && other)
              registerCustomer({ ctx: userCtx(other), input: { projectId: project.id, phone, kind: 'call' } })
          }),
        )
      }
      if (d > 5 && rnd.chance(0.5)) {
        schedule(17 * 60 + 45, async () => {
          const open = deps.db
            .select()
            .from(ownershipConflicts)
            .where(and(eq(ownershipConflicts.projectId, project.id), eq(ownershipConflicts.status, 'open')))
            .all()
          // Those of the last few days are still waiting for the manager.
          const old = clock.getTime() - 3 * 86_400_000
          for (const conflict of open.filter((o) => Date.parse(o.at) < old))
            await tryIt(async () =>
              resolveConflict({
                ctx: userCtx(manager),
                input: {
                  conflictId: conflict.id,
                  ownerId: conflict.ownerId,
                  reason: '查看来电记录，原顾问先登记，维持原归属',
                },
              }),
            )
        })
      }
      // Most hand in their day before leaving; the assistant sees who did not.
      for (const c of onDuty)
        if (rnd.chance(0.85))
          schedule(18 * 60 + rnd.int(5, 20), () =>
            tryIt(async () => closeDay({ ctx: userCtx(c), input: { projectId: project.id } })),
          )
      onDuty.forEach((c) => schedule(18 * 60 + 30, () => tryIt(() => signOut({ ctx: duty(c) }))))
      while (queue.length) {
        queue.sort((a, b) => a.time - b.time)
        const next = queue.shift()!
        clock = new Date(next.time)
        const open = () => deps.rotation.day(project.id, clock).state.receptions
        const before = new Set(open().keys())
        await next.run()
        // Whatever reception this step opened (a check-in, or a visitor taken from the line) ends later.
        for (const id of open().keys()) if (!before.has(id)) scheduleFinish(id, minutesOf(date, clock))
      }
    }
    sqlite.exec('COMMIT')
  } catch (error) {
    sqlite.exec('ROLLBACK')
    throw error
  } finally {
    deps.clock = realClock
  }
}

function minutesOf(date: string, instant: Date): number {
  return Math.round((instant.getTime() - at(date, 0).getTime()) / 60_000)
}

/** The simulation drives real rules; an event the rules refuse (e.g. a break while receiving) is simply skipped. */
async function tryIt<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof DomainError) return undefined
    throw error
  }
}
