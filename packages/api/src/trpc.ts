import { initTRPC, TRPCError } from '@trpc/server'
import { DutyInput, ProjectScoped, type DeviceKind, type Role } from '@anchang/shared'
import type { Context } from './context'
import { errorMessage, fail } from './errors'
import { recordAudit } from './audit'
import { consultantByPin, type DutyConsultant } from './services/rotation/identify'

const t = initTRPC.context<Context>().create({
  isDev: false,
  // Pings keep proxies from closing a quiet board stream; clients reconnect when pings stop.
  sse: { ping: { enabled: true, intervalMs: 5_000 }, client: { reconnectAfterInactivityMs: 12_000 } },
  errorFormatter({ shape, error, ctx, path }) {
    const locale = ctx?.locale ?? 'zh-CN'
    // tRPC reports a body that is not JSON as BAD_REQUEST caused by a SyntaxError; the contract says PARSE_ERROR.
    const malformed = error.cause instanceof SyntaxError
    return {
      message: errorMessage(malformed ? new TRPCError({ code: 'PARSE_ERROR' }) : error, locale, path),
      code: malformed ? -32700 : shape.code,
      data: {
        code: malformed ? 'PARSE_ERROR' : shape.data.code,
        httpStatus: shape.data.httpStatus,
        ...(path ? { path } : {}),
      },
    }
  },
})

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/** Every mutation leaves an audit entry: who, what, when, and the input with secrets removed. */
const audited = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  if (type === 'mutation') ctx.audit.pending = { action: path, input: await getRawInput().catch(() => undefined) }
  const result = await next()
  if (ctx.audit.written) return result
  // Failed sign-ins are kept too (who tried which account), but not requests that were never valid.
  const refusedSignIn = !result.ok && path.startsWith('auth.') && ['UNAUTHORIZED', 'TOO_MANY_REQUESTS'].includes(result.error.code)
  if (type === 'mutation' && (result.ok || refusedSignIn)) {
    recordAudit(ctx, path, await getRawInput().catch(() => undefined), result.ok)
  }
  return result
})

export const publicProcedure = t.procedure.use(audited)

/** Any signed-in person. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  // A device is a known identity without a person's role: forbidden, not unauthenticated.
  if (ctx.actor.type === 'device') fail('FORBIDDEN', 'auth.forbiddenRole')
  if (ctx.actor.type !== 'user') fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.sessionExpired' : 'auth.required')
  return next({ ctx: { ...ctx, actor: ctx.actor } })
})

export type UserContext = Context & { actor: Extract<Context['actor'], { type: 'user' }> }

/**
 * The single project check: a person must belong to the project, a device must be paired to it.
 * Procedures that take an entity id instead of a project id call this after loading the entity.
 */
export function assertProjectAccess(ctx: Context, projectId: string): void {
  const { actor } = ctx
  const allowed =
    (actor.type === 'user' && actor.projectIds.includes(projectId)) ||
    (actor.type === 'device' && actor.device.projectId === projectId)
  if (!allowed) fail('FORBIDDEN', 'auth.forbiddenProject')
  ctx.audit.projectId = projectId
}

/** The raw input, with a body that is not JSON reported as such rather than as a server fault. */
export async function readRawInput(getRawInput: () => Promise<unknown>): Promise<unknown> {
  try {
    return await getRawInput()
  } catch (cause) {
    throw new TRPCError({ code: 'BAD_REQUEST', cause: cause instanceof SyntaxError ? cause : new SyntaxError() })
  }
}

async function projectIdOf(getRawInput: () => Promise<unknown>): Promise<string> {
  const parsed = ProjectScoped.safeParse(await readRawInput(getRawInput))
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error })
  return parsed.data.projectId
}

/** A person who belongs to the project named by the input's `projectId`. */
export const staffProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  assertProjectAccess(ctx, await projectIdOf(getRawInput))
  return next()
})

const withRole = (roles: readonly Role[]) =>
  t.middleware(({ ctx, next }) => {
    if (ctx.actor.type !== 'user' || !roles.includes(ctx.actor.user.role)) fail('FORBIDDEN', 'auth.forbiddenRole')
    return next()
  })

export const managerProcedure = staffProcedure.use(withRole(['director', 'manager']))
export const directorProcedure = staffProcedure.use(withRole(['director']))
/** Assistants run the office paperwork; managers and directors can do what they do. */
export const assistantProcedure = staffProcedure.use(withRole(['director', 'manager', 'assistant']))
export const consultantProcedure = staffProcedure.use(withRole(['consultant']))
/** Not tied to one project by its input (e.g. creating a project). */
export const directorOnlyProcedure = authedProcedure.use(withRole(['director']))
export const managingProcedure = authedProcedure.use(withRole(['director', 'manager']))

export type DeviceContext = Context & { actor: Extract<Context['actor'], { type: 'device' }> }

const deviceOf = (kinds: readonly DeviceKind[]) =>
  t.middleware(({ ctx, next }) => {
    if (ctx.actor.type === 'anonymous') fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.deviceUnknown' : 'auth.required')
    if (ctx.actor.type !== 'device' || !kinds.includes(ctx.actor.device.kind)) fail('FORBIDDEN', 'auth.forbiddenRole')
    ctx.audit.projectId = ctx.actor.device.projectId
    return next({ ctx: { ...ctx, actor: ctx.actor } })
  })

export const kioskProcedure = publicProcedure.use(deviceOf(['kiosk']))
export const deviceProcedure = publicProcedure.use(deviceOf(['kiosk', 'board']))

/** The board's readers: a board or kiosk of the project, or any of its staff. */
export const boardReaderProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  if (ctx.actor.type === 'anonymous') {
    fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.sessionExpired' : 'auth.required')
  }
  assertProjectAccess(ctx, await projectIdOf(getRawInput))
  return next()
})

/**
 * Rotation duty (sign in, break, sign out): a consultant in their own session, or a kiosk with the
 * consultant's PIN. Either way the procedure learns the project and the consultant.
 */
export const dutyProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const { actor } = ctx
  if (actor.type === 'anonymous') fail('UNAUTHORIZED', ctx.credentialRefused ? 'auth.sessionExpired' : 'auth.required')
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

