import { vi } from 'vitest'
import type { RouterInputs, RouterOutputs } from '@anchang/api'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createApp } from 'vue'
import { DEVICE_KIND, type DeviceKind } from '../common/stores/device'
import { DEFAULT_BREAK_KEEPS_PLACE as BREAK_KEEPS_PLACE } from '@anchang/shared/break-reasons'

/**
 * The server faked at the network boundary (fetch), so the real tRPC client, its links and the
 * app's error handling all run in unit tests. Each procedure answers from a handler typed against
 * the real router (`RouterInputs`/`RouterOutputs`), so a fixture that no longer matches what the
 * server sends fails the type check; a handler may throw `unreachable()` to play a dropped network.
 */
type Namespace = keyof RouterInputs & string
export type ProcedurePath = { [N in Namespace]: `${N}.${keyof RouterInputs[N] & string}` }[Namespace]
type At<T, P extends string> = P extends `${infer N}.${infer K}`
  ? N extends keyof T
    ? K extends keyof T[N]
      ? T[N][K]
      : never
    : never
  : never
export type InputOf<P extends ProcedurePath> = At<RouterInputs, P>
export type OutputOf<P extends ProcedurePath> = At<RouterOutputs, P>

interface Refusal {
  status: number
  body: { error: { message: string; code: number; data: { code: string; httpStatus: number } } }
}
export type Reply<T> = { status?: number; body: { result: { data: T } } } | Refusal
export type Handler<P extends ProcedurePath> = (
  input: InputOf<P>,
) => Reply<OutputOf<P>> | Promise<Reply<OutputOf<P>>>

export const ok = <T>(data: T): Reply<T> => ({ body: { result: { data } } })
export const refused = (message: string, code = 'BAD_REQUEST', status = 400): Refusal => ({
  status,
  body: { error: { message, code: -32600, data: { code, httpStatus: status } } },
})
export const unreachable = (): never => {
  throw new TypeError('Failed to fetch')
}

export interface FakeServer {
  fetch: ReturnType<typeof vi.fn<typeof fetch>>
  handle<P extends ProcedurePath>(procedure: P, handler: Handler<P>): void
  /** Inputs received, per procedure, in order. */
  calls<P extends ProcedurePath>(procedure: P): InputOf<P>[]
}

export function fakeServer(): FakeServer {
  const handlers = new Map<string, (input: unknown) => Reply<unknown> | Promise<Reply<unknown>>>()
  const received = new Map<string, unknown[]>()
  const fetchMock = vi.fn<typeof fetch>(async (url, init) => {
    const parsed = new URL(String(url), 'http://kiosk.test')
    const procedure = parsed.pathname.replace(/^\/trpc\//, '')
    const input: unknown =
      init?.method === 'POST'
        ? JSON.parse(String(init.body ?? 'null'))
        : JSON.parse(parsed.searchParams.get('input') ?? 'null')
    received.set(procedure, [...(received.get(procedure) ?? []), input])
    const handler = handlers.get(procedure)
    if (!handler) throw new Error(`the fake server has no handler for ${procedure}`)
    const { status = 200, body } = await handler(input)
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  })
  return {
    fetch: fetchMock,
    handle: (procedure, handler) =>
      void handlers.set(procedure, handler as (input: unknown) => Reply<unknown>),
    calls: <P extends ProcedurePath>(procedure: P) => (received.get(procedure) ?? []) as InputOf<P>[],
  }
}

export const DEMO_PROJECT = {
  id: 'project-1',
  code: 'DEMO',
  name: '思源·示范项目',
  timeZone: 'Asia/Shanghai',
}
export const DEMO_CHANNELS = ['自然来访', '老带新', '朋友介绍', '网络', '户外广告', '中介渠道']

export function deviceMe(kind: DeviceKind, channels = DEMO_CHANNELS, breakKeepsPlace = BREAK_KEEPS_PLACE) {
  return ok({
    device: { id: `${kind}-1`, kind, projectId: DEMO_PROJECT.id, name: kind === 'kiosk' ? '前台1' : '大屏1' },
    project: DEMO_PROJECT,
    channels,
    breakKeepsPlace,
  })
}

/** A paired device's Pinia, as main.ts sets it up (the stores inject which screen this is). */
export function pairedDevice(kind: DeviceKind): Pinia {
  localStorage.setItem(`anchang.${kind}.token`, 'token-1')
  const app = createApp({})
  app.provide(DEVICE_KIND, kind)
  const pinia = createPinia()
  app.use(pinia)
  setActivePinia(pinia)
  return pinia
}
