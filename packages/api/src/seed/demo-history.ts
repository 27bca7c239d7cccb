import { and, eq } from 'drizzle-orm'
import { devices, newId, newToken, projectMembers, projects, sha256, users } from '@anchang/db'
import { DomainError, localDate, type Grade, type Role } from '@anchang/shared'
import { serviceContext, type AppDeps } from '../services/context'
import { kioskCheckIn, startCall } from '../services/reception/check-in'
import { finishReception } from '../services/reception/finish'
import { setBreak, signIn, signOut } from '../services/rotation/duty'

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
  const duty = (c: (typeof consultants)[number]) => ({
    ...userCtx(c),
    duty: { projectId: project.id, consultant: { id: c.id, name: c.name } },
  })

  const knownPhones: string[] = []
  let phoneSeq = 0
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
          const phone = returning
            ? rnd.pick(knownPhones)
            : `1${rnd.pick(['38', '39', '58', '86', '88', '35', '37'])}${String(10_000_000 + ((phoneSeq += 7919) % 89_999_999)).slice(-8)}`
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
          await tryIt(() =>
            finishReception({
              ctx: userCtx(consultant),
              input: {
                receptionId,
                result: invalid ? 'invalid' : 'valid',
                ...(invalid ? { note: '市场调查' } : { grade }),
              },
            }),
          )
        })
      }
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
