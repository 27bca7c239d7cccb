/**
 * Factories for tests: a fresh in-memory database with the real migrations, people and devices
 * with unique names, and callers acting as them. Not used by the running server.
 */
import { randomBytes } from 'node:crypto'
import {
  channels,
  devices,
  hashPin,
  newId,
  newToken,
  openDatabase,
  projectMembers,
  projects,
  sessions,
  sha256,
  users,
  type Database_,
} from '@anchang/db'
import { CONSENT_VERSION, type CheckInInput, type DeviceKind, type Locale, type Role } from '@anchang/shared'
import { createContext } from './trpc-context'
import type { AppDeps } from './services/context'
import { createDeps } from './deps'
import { createLogger } from './logger'
import { appRouter } from './root'
import { createCallerFactory } from './trpc'

// A precomputed scrypt hash of 'test-password' keeps factories fast (scrypt is deliberately slow).
export const TEST_PASSWORD = 'test-password'
let testPasswordHash: string | null = null
async function passwordHash(): Promise<string> {
  const { hashPassword } = await import('@anchang/db')
  testPasswordHash ??= await hashPassword(TEST_PASSWORD)
  return testPasswordHash
}

const unique = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`
const createCaller = createCallerFactory(appRouter)
type Caller = ReturnType<typeof createCaller>

/** Where every world's clock starts: Monday 2 March 2026, 10:00 in Shanghai. */
export const TEST_START = new Date('2026-03-02T02:00:00.000Z')

export interface TestProject {
  id: string
  code: string
}

export interface TestDevice {
  id: string
  token: string
}

export interface TestWorld {
  database: Database_
  deps: AppDeps
  /** Moves the clock the procedures see. */
  setNow(date: Date): void
  createProject(opts?: { code?: string; channels?: string[]; timeZone?: string }): TestProject
  createUser(opts: {
    role: Role
    projectIds: string[]
    pin?: string
    name?: string
    agency?: string
  }): Promise<TestUser>
  createDevice(opts: { projectId: string; kind: DeviceKind }): TestDevice
  asUser(user: TestUser, locale?: Locale): Caller
  asDevice(device: { token: string }, locale?: Locale): Caller
  anonymous(locale?: Locale): Caller
  /** How many rows `table` holds: what a refused call must leave unchanged. */
  rowCount(table: string): number
  close(): void
}

export interface TestUser {
  id: string
  username: string
  name: string
  role: Role
  sessionToken: string
}

/**
 * A world over a fresh in-memory database, or over `database` when given: a test that reopens a
 * file builds a second world over it, as a restarted server would (its own deps, hub and callers).
 */
export function createTestWorld(opts: { database?: Database_ } = {}): TestWorld {
  const database = opts.database ?? openDatabase(':memory:')
  let now = TEST_START
  const deps = createDeps({ db: database.db, log: createLogger('silent'), clock: () => now })
  const { db } = database
  const call = (creds: { sessionToken?: string; bearerToken?: string }, locale: Locale = 'zh-CN') =>
    createCaller(() => createContext(deps, { ...creds, ip: '127.0.0.1', locale, requestId: newId() }))

  return {
    database,
    deps,
    setNow(date) {
      now = date
    },
    createProject(opts = {}) {
      const id = newId()
      const code = opts.code ?? unique('P').toUpperCase().slice(0, 10)
      db.insert(projects)
        .values({
          id,
          code,
          name: `项目 ${code}`,
          timeZone: opts.timeZone ?? 'Asia/Shanghai',
          settings: {},
          createdAt: now.toISOString(),
        })
        .run()
      const names = opts.channels ?? ['自然来访', '网络']
      db.insert(channels)
        .values(names.map((name, i) => ({ id: newId(), projectId: id, name, sortOrder: i + 1 })))
        .run()
      return { id, code }
    },
    async createUser({ role, projectIds, pin, name, agency }) {
      const id = newId()
      const username = unique(role.slice(0, 3))
      const at = now.toISOString()
      db.insert(users)
        .values({
          id,
          username,
          name: name ?? `${role} ${username}`,
          role,
          passwordHash: await passwordHash(),
          pinHash: pin ? hashPin(pin) : null,
          agency: agency ?? (role === 'channel' ? `${username} 地产代理` : null),
          createdAt: at,
          updatedAt: at,
        })
        .run()
      for (const projectId of projectIds)
        db.insert(projectMembers).values({ projectId, userId: id, joinedAt: at }).run()
      const sessionToken = newToken()
      db.insert(sessions)
        .values({
          id: newId(),
          tokenHash: sha256(sessionToken),
          userId: id,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
        })
        .run()
      return { id, username, name: name ?? `${role} ${username}`, role, sessionToken }
    },
    createDevice({ projectId, kind }) {
      const id = newId()
      const token = newToken()
      db.insert(devices)
        .values({
          id,
          projectId,
          kind,
          name: `${kind} ${id}`,
          tokenHash: sha256(token),
          createdAt: now.toISOString(),
        })
        .run()
      return { id, token }
    },
    asUser: (user, locale) => call({ sessionToken: user.sessionToken }, locale),
    asDevice: (device, locale) => call({ bearerToken: device.token }, locale),
    anonymous: (locale) => call({}, locale),
    rowCount: (table) =>
      (database.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
    close: () => {
      deps.imports.stop()
      database.close()
    },
  }
}

/** A project with its director and manager: who creates staff and reads the audit log. */
export async function createTestManagement(): Promise<{
  world: TestWorld
  project: TestProject
  director: TestUser
  manager: TestUser
}> {
  const world = createTestWorld()
  const project = world.createProject()
  const director = await world.createUser({ role: 'director', projectIds: [project.id] })
  const manager = await world.createUser({ role: 'manager', projectIds: [project.id] })
  return { world, project, director, manager }
}

/**
 * The consultants of `createTestOffice`, in the order they stand in `team`, with their kiosk PINs.
 * Tests name them by these literals ('张伟', '1001') so an assertion reads as the office would.
 */
export const OFFICE_TEAM = [
  { name: '张伟', pin: '1001' },
  { name: '李娜', pin: '1002' },
  { name: '王芳', pin: '1003' },
  { name: '刘洋', pin: '1004' },
] as const

/** One sales office on a working morning, as the rotation and reception tests live it. */
export interface TestOffice {
  world: TestWorld
  /** Channels '自然来访' and '网络': the kiosk tests name both. */
  project: TestProject
  /** 吴敏, who overrides the rotation, answers appeals and reads the board and the log. */
  manager: TestUser
  /** The consultants of `OFFICE_TEAM`, none signed in yet. */
  team: TestUser[]
  kiosk: TestDevice
  /** The clock the procedures see, from `TEST_START`. */
  now(): Date
  /** Moves the clock on; events a minute apart keep the day's log in a readable order. */
  tick(minutes?: number): void
  /** Signs each in from their own session, in order: the order they join the queue. */
  signIn(...who: TestUser[]): Promise<void>
  /** A visitor checking in at the office's kiosk, consent given. */
  checkIn(phone: string, extra?: Partial<CheckInInput>): ReturnType<Caller['kiosk']['checkIn']>
  /** The board as the manager reads it. */
  board(): ReturnType<Caller['rotation']['board']>
  /** The queue's consultant ids, head first. */
  order(): Promise<string[]>
}

/** A fresh office; over `database` when given (see `createTestWorld`). */
export async function createTestOffice(opts: { database?: Database_ } = {}): Promise<TestOffice> {
  const world = createTestWorld(opts)
  const project = world.createProject({ channels: ['自然来访', '网络'] })
  const manager = await world.createUser({ role: 'manager', projectIds: [project.id], name: '吴敏' })
  const team: TestUser[] = []
  for (const { name, pin } of OFFICE_TEAM) {
    team.push(await world.createUser({ role: 'consultant', projectIds: [project.id], name, pin }))
  }
  const kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
  const now = () => world.deps.clock()
  const board = () => world.asUser(manager).rotation.board({ projectId: project.id })
  return {
    world,
    project,
    manager,
    team,
    kiosk,
    now,
    tick(minutes = 1) {
      world.setNow(new Date(now().getTime() + minutes * 60_000))
    },
    async signIn(...who) {
      for (const person of who) await world.asUser(person).rotation.signIn({ projectId: project.id })
    },
    checkIn: (phone, extra = {}) =>
      world.asDevice(kiosk).kiosk.checkIn({ phone, consentVersion: CONSENT_VERSION, ...extra }),
    board,
    order: async () => (await board()).queue.map((q) => q.consultantId),
  }
}
