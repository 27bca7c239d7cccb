import { vi } from 'vitest'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createApp } from 'vue'
import { DEVICE_KIND, type DeviceKind } from '../common/stores/device'
import { BREAK_KEEPS_PLACE } from '../kiosk/domain/break-reasons'

/**
 * The server faked at the network boundary (fetch), so the real tRPC client, its links and the
 * app's error handling all run in unit tests. Each procedure answers from a handler; a handler
 * may throw `unreachable()` to play a dropped network.
 */
export type Handler = (
  input: unknown,
) => { status?: number; body: object } | Promise<{ status?: number; body: object }>

export const ok = (data: unknown) => ({ body: { result: { data } } })
export const refused = (message: string, code = 'BAD_REQUEST', status = 400) => ({
  status,
  body: { error: { message, code: -32600, data: { code, httpStatus: status } } },
})
export const unreachable = (): never => {
  throw new TypeError('Failed to fetch')
}

export interface FakeServer {
  fetch: ReturnType<typeof vi.fn<typeof fetch>>
  handle(procedure: string, handler: Handler): void
  /** Inputs received, per procedure, in order. */
  calls(procedure: string): unknown[]
}

export function fakeServer(): FakeServer {
  const handlers = new Map<string, Handler>()
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
    handle: (procedure, handler) => void handlers.set(procedure, handler),
    calls: (procedure) => received.get(procedure) ?? [],
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
