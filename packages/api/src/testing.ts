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
import type { DeviceKind, Locale, Role } from '@anchang/shared'
import { createContext, type AppDeps } from './context'
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

export interface TestWorld {
  database: Database_
  deps: AppDeps
  /** Moves the clock the procedures see. */
  setNow(date: Date): void
  createProject(opts?: { code?: string; channels?: string[]; timeZone?: string }): { id: string; code: string }
  createUser(opts: { role: Role; projectIds: string[]; pin?: string; name?: string }): Promise<TestUser>
  createDevice(opts: { projectId: string; kind: DeviceKind }): { id: string; token: string }
  asUser(user: TestUser, locale?: Locale): ReturnType<typeof createCaller>
  asDevice(device: { token: string }, locale?: Locale): ReturnType<typeof createCaller>
  anonymous(locale?: Locale): ReturnType<typeof createCaller>
  close(): void
}

export interface TestUser {
  id: string
  username: string
  name: string
  role: Role
  sessionToken: string
}

export function createTestWorld(): TestWorld {
  const database = openDatabase(':memory:')
  let now = new Date('2026-03-02T02:00:00.000Z')
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
        .values({ id, code, name: `项目 ${code}`, timeZone: opts.timeZone ?? 'Asia/Shanghai', settings: {}, createdAt: now.toISOString() })
        .run()
      const names = opts.channels ?? ['自然来访', '网络']
      db.insert(channels)
        .values(names.map((name, i) => ({ id: newId(), projectId: id, name, sortOrder: i + 1 })))
        .run()
      return { id, code }
    },
    async createUser({ role, projectIds, pin, name }) {
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
          createdAt: at,
          updatedAt: at,
        })
        .run()
      for (const projectId of projectIds) db.insert(projectMembers).values({ projectId, userId: id, joinedAt: at }).run()
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
        .values({ id, projectId, kind, name: `${kind} ${id}`, tokenHash: sha256(token), createdAt: now.toISOString() })
        .run()
      return { id, token }
    },
    asUser: (user, locale) => call({ sessionToken: user.sessionToken }, locale),
    asDevice: (device, locale) => call({ bearerToken: device.token }, locale),
    anonymous: (locale) => call({}, locale),
    close: () => database.close(),
  }
}
