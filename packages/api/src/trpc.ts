import { initTRPC, TRPCError } from '@trpc/server'
import {
  DomainError,
  DutyInput,
  ProjectScoped,
  STAFF_ROLES,
  fail,
  isStaff,
  type DeviceKind,
  type Role,
} from '@anchang/shared'
import type { Context } from './trpc-context'
import { errorShape, requestError, toTRPCError } from './errors'
import { assertProjectAccess } from './services/access'
import type { DeviceActor, UserActor } from './services/context'
import { consultantByPin, type DutyConsultant } from './services/rotation/identify'

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: ({ error, ctx, path }) => errorShape(error, ctx?.locale ?? 'zh-CN', path),
})

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/**
 * The boundary every procedure passes first. A query comes by GET and a mutation by POST (so no link
 * or form can make a GET change anything), and the domain errors services throw leave as the tRPC
 * errors they map to.
 */
const boundary = t.middleware(async ({ ctx, type, path, next }) => {
  if (ctx.method && (type === 'mutation') !== (ctx.method === 'POST')) {
    throw requestError('METHOD_NOT_SUPPORTED', 'request.method', { path })
  }
  const result = await next()
  if (!result.ok && result.error.cause instanceof DomainError)
    return { ...result, error: toTRPCError(result.error.cause) }
  return result
})

export const publicProcedure = t.procedure.use(boundary)

export type UserContext = Context & { actor: UserActor }
export type DeviceContext = Context & { actor: DeviceActor }

/** Any signed-in person. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  // A device is a known identity without a person's role: forbidden, not unauthenticated.
  if (ctx.actor.type === 'device') fail('FORBIDDEN', 'auth.forbiddenRole')
  if (ctx.actor.type !== 'user')
    fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.sessionExpired' : 'auth.required')
  return next({ ctx: { ...ctx, actor: ctx.actor } })
})

/** The raw input, with a body that is not JSON reported as such rather than as a server fault. */
async function readRawInput(getRawInput: () => Promise<unknown>): Promise<unknown> {
  try {
    return await getRawInput()
  } catch (cause) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      cause: cause instanceof SyntaxError ? cause : new SyntaxError(),
    })
  }
}

async function projectIdOf(getRawInput: () => Promise<unknown>): Promise<string> {
  const parsed = ProjectScoped.safeParse(await readRawInput(getRawInput))
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error })
  return parsed.data.projectId
}

const withRole = (roles: readonly Role[]) =>
  t.middleware(({ ctx, next }) => {
    if (ctx.actor.type !== 'user' || !roles.includes(ctx.actor.user.role))
      fail('FORBIDDEN', 'auth.forbiddenRole')
    return next()
  })

const inInputProject = t.middleware(async ({ ctx, getRawInput, next }) => {
  assertProjectAccess(ctx, await projectIdOf(getRawInput))
  return next()
})

/**
 * One of the brokerage's own people, for verbs keyed by an entity id: the verb checks the entity's
 * project once it has loaded it. A channel partner is never staff.
 */
export const staffMemberProcedure = authedProcedure.use(withRole(STAFF_ROLES))
/** One of the brokerage's own people who belongs to the project named by the input's `projectId`. */
export const staffProcedure = staffMemberProcedure.use(inInputProject)
/** Anyone of the project, a channel partner included (who reports customers and sees only that). */
export const memberProcedure = authedProcedure.use(inInputProject)

export const managerProcedure = staffProcedure.use(withRole(['director', 'manager']))
export const directorProcedure = staffProcedure.use(withRole(['director']))
/** Assistants run the office paperwork; managers and directors can do what they do. */
export const assistantProcedure = staffProcedure.use(withRole(['director', 'manager', 'assistant']))
export const consultantProcedure = staffProcedure.use(withRole(['consultant']))
/** Not tied to one project by its input (e.g. creating a project). */
export const directorOnlyProcedure = authedProcedure.use(withRole(['director']))
export const managingProcedure = authedProcedure.use(withRole(['director', 'manager']))
/** The office (not consultants), for verbs whose entity names its project (checked on loading it). */
export const officeProcedure = authedProcedure.use(withRole(['director', 'manager', 'assistant']))
/** A consultant, for verbs keyed by an entity id (the verb checks the entity's project). */
export const consultantMemberProcedure = authedProcedure.use(withRole(['consultant']))

const deviceOf = (kinds: readonly DeviceKind[]) =>
  t.middleware(({ ctx, next }) => {
    if (ctx.actor.type === 'anonymous')
      fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.deviceUnknown' : 'auth.required')
    if (ctx.actor.type !== 'device' || !kinds.includes(ctx.actor.device.kind))
      fail('FORBIDDEN', 'auth.forbiddenRole')
    return next({ ctx: { ...ctx, actor: ctx.actor } })
  })

export const kioskProcedure = publicProcedure.use(deviceOf(['kiosk']))
export const deviceProcedure = publicProcedure.use(deviceOf(['kiosk', 'board']))

/** The board's readers: a board or kiosk of the project, or any of its staff. */
export const boardReaderProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  if (ctx.actor.type === 'anonymous')
    fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.sessionExpired' : 'auth.required')
  if (ctx.actor.type === 'user' && !isStaff(ctx.actor.user.role)) fail('FORBIDDEN', 'auth.forbiddenRole')
  assertProjectAccess(ctx, await projectIdOf(getRawInput))
  return next()
})

/**
 * Rotation duty (sign in, break, sign out): a consultant in their own session, or a kiosk with the
 * consultant's PIN. Either way the procedure learns the project and the consultant.
 */
export const dutyProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const { actor } = ctx
  if (actor.type === 'anonymous')
    fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.sessionExpired' : 'auth.required')
  const parsed = DutyInput.safeParse(await readRawInput(getRawInput))
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error })
  const input = parsed.data
  let duty: { projectId: string; consultant: DutyConsultant }
  if (actor.type === 'device') {
    if (actor.device.kind !== 'kiosk') fail('FORBIDDEN', 'auth.forbiddenRole')
    const projectId = input.projectId ?? actor.device.projectId
    assertProjectAccess(ctx, projectId)
    if (!input.pin) fail('BAD_REQUEST', 'rotation.pinRequired')
    duty = { projectId, consultant: consultantByPin(ctx, actor.device.id, projectId, input.pin) }
  } else {
    if (actor.user.role !== 'consultant') fail('FORBIDDEN', 'rotation.notConsultant')
    const projectId = input.projectId ?? (actor.projectIds.length === 1 ? actor.projectIds[0]! : '')
    if (!projectId) throw new TRPCError({ code: 'BAD_REQUEST', cause: ProjectScoped.safeParse({}).error })
    assertProjectAccess(ctx, projectId)
    duty = { projectId, consultant: { id: actor.user.id, name: actor.user.name } }
  }
  return next({ ctx: { ...ctx, duty } })
})
