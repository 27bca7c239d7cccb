/**
 * Who may call what: one row per procedure of `appRouter`, with an input that would succeed for an
 * allowed caller and the actors allowed to call it. `authz-matrix.test.ts` calls every procedure as
 * every actor. A new procedure must add its row here (the type and the test both insist).
 * Not used by the running server.
 */
import { TRPCError } from '@trpc/server'
import { newId, pairingCodes, sha256 } from '@anchang/db'
import { PAIRING_CODE_MINUTES, type Locale } from '@anchang/shared'
import { errorMessage } from './errors'
import { appRouter, type RouterInputs } from './root'
import { createTestWorld, TEST_PASSWORD, type TestUser, type TestWorld } from './testing'

export const AUTHZ_ACTORS = [
  'director',
  'manager',
  'assistant',
  'consultant',
  'kiosk',
  'board',
  'stranger',
  'anonymous',
] as const
export type AuthzActor = (typeof AUTHZ_ACTORS)[number]

export interface AuthzFixture {
  world: TestWorld
  /** The project every call is about. */
  projectA: { id: string; code: string }
  /** The stranger's project. */
  projectB: { id: string; code: string }
  people: Record<'director' | 'manager' | 'assistant' | 'consultant' | 'stranger', TestUser>
  devices: Record<'kiosk' | 'board', { id: string; token: string }>
  /** A consultant of project A whom managers may rename, reset or deactivate. */
  targetStaff: TestUser
  /** A kiosk of project A that may be revoked without cutting off the `kiosk` actor. */
  targetDevice: { id: string; token: string }
  /** An open pairing code for a board of project A. */
  pairingCode: string
}

/** Project A with one person of each role and a kiosk and board; the stranger manages project B. */
export async function createAuthzFixture(): Promise<AuthzFixture> {
  const world = createTestWorld()
  const projectA = world.createProject()
  const projectB = world.createProject()
  const member = (role: TestUser['role']) => world.createUser({ role, projectIds: [projectA.id] })
  const people = {
    director: await member('director'),
    manager: await member('manager'),
    assistant: await member('assistant'),
    consultant: await member('consultant'),
    stranger: await world.createUser({ role: 'manager', projectIds: [projectB.id] }),
  }
  const pairingCode = '482913'
  const now = world.deps.clock()
  world.database.db
    .insert(pairingCodes)
    .values({
      id: newId(),
      projectId: projectA.id,
      kind: 'board',
      name: '大厅看板',
      codeHash: sha256(pairingCode),
      createdBy: people.manager.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString(),
    })
    .run()
  return {
    world,
    projectA,
    projectB,
    people,
    devices: {
      kiosk: world.createDevice({ projectId: projectA.id, kind: 'kiosk' }),
      board: world.createDevice({ projectId: projectA.id, kind: 'board' }),
    },
    targetStaff: await world.createUser({ role: 'consultant', projectIds: [projectA.id] }),
    targetDevice: world.createDevice({ projectId: projectA.id, kind: 'kiosk' }),
    pairingCode,
  }
}

type Caller = ReturnType<TestWorld['anonymous']>

/** Every procedure of `appRouter` by its path (`auth.login`), as tRPC keeps them at run time. */
export const PROCEDURES = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: 'query' | 'mutation' | 'subscription' } }
>

export function callerFor(fixture: AuthzFixture, actor: AuthzActor): Caller {
  const { world } = fixture
  switch (actor) {
    case 'kiosk':
    case 'board':
      return world.asDevice(fixture.devices[actor])
    case 'anonymous':
      return world.anonymous()
    default:
      return world.asUser(fixture.people[actor])
  }
}

type Namespace = keyof RouterInputs & string
export type ProcedurePath = { [N in Namespace]: `${N}.${keyof RouterInputs[N] & string}` }[Namespace]
type InputOf<P extends ProcedurePath> = P extends `${infer N extends Namespace}.${infer K}`
  ? K extends keyof RouterInputs[N]
    ? RouterInputs[N][K]
    : never
  : never

export interface AuthzRow<Input> {
  /** An input that succeeds when an allowed actor sends it. */
  input: (fixture: AuthzFixture) => Input
  allowed: readonly AuthzActor[]
}

const EVERYONE = AUTHZ_ACTORS
const PEOPLE = ['director', 'manager', 'assistant', 'consultant', 'stranger'] as const
const MEMBERS = ['director', 'manager', 'assistant', 'consultant'] as const
const MANAGING = ['director', 'manager'] as const
const OFFICE = ['director', 'manager', 'assistant'] as const
const DEVICES = ['kiosk', 'board'] as const

export const AUTHZ_MATRIX: { [P in ProcedurePath]: AuthzRow<InputOf<P>> } = {
  'auth.login': {
    input: (f) => ({ username: f.people.consultant.username, password: TEST_PASSWORD }),
    allowed: EVERYONE,
  },
  'auth.me': { input: () => undefined, allowed: PEOPLE },
  'auth.logout': { input: () => undefined, allowed: PEOPLE },
  'auth.changePassword': {
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-2026' }),
    allowed: PEOPLE,
  },

  'staff.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: OFFICE },
  'staff.create': {
    input: (f) => ({
      username: 'new.consultant',
      name: '新顾问',
      role: 'consultant',
      password: 'first-password',
      projectIds: [f.projectA.id],
      pin: '7731',
    }),
    allowed: MANAGING,
  },
  'staff.update': { input: (f) => ({ userId: f.targetStaff.id, name: '改过的名字' }), allowed: MANAGING },
  'staff.resetPassword': {
    input: (f) => ({ userId: f.targetStaff.id, newPassword: 'reset-password-1' }),
    allowed: MANAGING,
  },
  'staff.setActive': { input: (f) => ({ userId: f.targetStaff.id, active: false }), allowed: MANAGING },

  'projects.list': { input: () => undefined, allowed: PEOPLE },
  'projects.get': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },
  'projects.create': {
    input: () => ({
      code: 'NEW-1',
      name: '新项目',
      timeZone: 'Asia/Shanghai',
      channels: ['自然来访', '网络'],
    }),
    allowed: ['director'],
  },
  'projects.update': { input: (f) => ({ projectId: f.projectA.id, name: '改名的项目' }), allowed: MANAGING },
  'projects.updateSettings': {
    input: (f) => ({ projectId: f.projectA.id, settings: { rotation: { undoWindowMinutes: 5 } } }),
    allowed: MANAGING,
  },

  'devices.pair': {
    input: (f) => ({ projectId: f.projectA.id, kind: 'kiosk', name: '二号前台' }),
    allowed: MANAGING,
  },
  'devices.revoke': { input: (f) => ({ deviceId: f.targetDevice.id }), allowed: MANAGING },
  'devices.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: MANAGING },
  'devices.createPairingCode': {
    input: (f) => ({ projectId: f.projectA.id, kind: 'board', name: '二号看板' }),
    allowed: MANAGING,
  },
  'devices.claim': { input: (f) => ({ code: f.pairingCode }), allowed: EVERYONE },
  'devices.me': { input: () => undefined, allowed: DEVICES },

  'audit.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: ['director'] },
}

/** What a call came to: 'OK', or the tRPC error code it failed with. */
export type Outcome = 'OK' | TRPCError['code']

/** The error a call failed with, or null; anything that is not a TRPCError is rethrown. */
export async function failureOf(
  call: Promise<unknown> | (() => Promise<unknown>),
): Promise<TRPCError | null> {
  try {
    await (typeof call === 'function' ? call() : call)
    return null
  } catch (error) {
    if (error instanceof TRPCError) return error
    throw error
  }
}

export async function outcomeOf(call: Promise<unknown> | (() => Promise<unknown>)): Promise<Outcome> {
  return (await failureOf(call))?.code ?? 'OK'
}

/** The sentence a client in `locale` reads for this error (what the router's error formatter sends). */
export function sentenceOf(error: TRPCError | null, locale: Locale = 'zh-CN'): string {
  if (!error) throw new Error('the call succeeded; there is no error to word')
  return errorMessage(error, locale, undefined)
}

/** A subscription that says nothing this long after subscribing has accepted the caller. */
const SUBSCRIPTION_GRACE_MS = 200

/** Calls `path` through `caller` the way a client would; a subscription is read up to its first value. */
export async function invoke(caller: Caller, path: string, type: string, input: unknown): Promise<unknown> {
  let target: unknown = caller
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment]
  const result = await (target as (input: unknown) => Promise<unknown>)(input)
  if (type !== 'subscription') return result
  const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]()
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await Promise.race([
      iterator.next(),
      new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIPTION_GRACE_MS))),
    ])
  } finally {
    clearTimeout(timer)
    await iterator.return?.()
  }
}
