import { defineStore } from 'pinia'
import { inject, markRaw, ref, shallowRef, type InjectionKey } from 'vue'
import type { RouterOutputs } from '@anchang/api'
import { createApiClient, type ApiClient } from '../api/client'
import { describeFailure } from '../api/failure'
import { retryDelay } from '../api/retry-delay'
import { currentLocale } from '../locales'
import { localSetting } from './local-setting'
import { DEFAULT_BREAK_KEEPS_PLACE as BREAK_KEEPS_PLACE } from '@anchang/shared/break-reasons'

type DeviceMe = RouterOutputs['devices']['me']
export type DeviceKind = DeviceMe['device']['kind']
/** The project as the screens show it; the time zone arrives with the first `devices.me`. */
export type DeviceProject = Pick<DeviceMe['project'], 'id' | 'code' | 'name'> & { timeZone: string | null }

/** Which screen this page is: index.html provides 'kiosk', board.html 'board'. */
export const DEVICE_KIND: InjectionKey<DeviceKind> = Symbol('deviceKind')

/** How often a paired screen checks in: the board's online/stale light follows it. */
export const HEARTBEAT_MS = 30_000

export type ClaimOutcome =
  | { ok: true }
  | { ok: false; reason: 'unreachable' }
  | { ok: false; reason: 'refused'; message: string }
  | { ok: false; reason: 'wrongKind'; claimedKind: DeviceKind }

/** Why the screen is showing the pairing keypad again, when it was paired before. */
export type PairingNotice =
  | { type: 'server'; message: string }
  | { type: 'wrongKind'; claimedKind: DeviceKind }

export type Connection = 'connecting' | 'online' | 'offline'

/**
 * This screen's identity: its token (kept across reloads, a separate key for kiosk and board so
 * one browser can be both while testing), its project, and whether the server is reachable.
 */
export const useDeviceStore = defineStore('device', () => {
  const injectedKind = inject(DEVICE_KIND, null)
  if (!injectedKind) throw new Error('The app must provide DEVICE_KIND before using the device store.')
  const kind: DeviceKind = injectedKind
  const token = localSetting(`anchang.${kind}.token`)
  const project = ref<DeviceProject | null>(null)
  const deviceName = ref<string | null>(null)
  /** The project's channels ("how did you hear of us"), in the order the kiosk shows them. */
  const channels = ref<string[]>([])
  /** Which break reasons keep a consultant's place in this project (the default until `devices.me` answers). */
  const breakKeepsPlace = ref({ ...BREAK_KEEPS_PLACE })
  const connection = ref<Connection>('connecting')
  /** The server's own sentence when it answered but could not serve (it is shown with "retrying"). */
  const serverProblem = ref<string | null>(null)
  const lastOnlineAt = shallowRef<Date | null>(null)
  const pairingNotice = ref<PairingNotice | null>(null)

  const api = createApiClient({ token: () => token.value, locale: currentLocale })
  // Pinia probes every value a store returns for refs and reactivity, and a tRPC client answers
  // every property read with another proxy, so the probe would never end. Inside a raw object the
  // client is left alone; screens reach it through useDeviceApi().
  const server = markRaw({ api })
  /** Failed check-ins in a row: sets the pause before the next try. */
  let failures = 0

  function forget(notice: PairingNotice | null): void {
    stopHeartbeat()
    token.value = null
    project.value = null
    deviceName.value = null
    channels.value = []
    connection.value = 'connecting'
    serverProblem.value = null
    lastOnlineAt.value = null
    pairingNotice.value = notice
    failures = 0
  }

  async function claim(code: string): Promise<ClaimOutcome> {
    let paired: RouterOutputs['devices']['claim']
    try {
      paired = await api.devices.claim.mutate({ code })
    } catch (error) {
      const failure = describeFailure(error)
      return failure.reached
        ? { ok: false, reason: 'refused', message: failure.message }
        : { ok: false, reason: 'unreachable' }
    }
    // The server has already spent the code by now; all that can be done is not to keep a
    // token that would make this screen act as the other kind of device.
    if (paired.kind !== kind) return { ok: false, reason: 'wrongKind', claimedKind: paired.kind }
    token.value = paired.token
    project.value = { ...paired.project, timeZone: null }
    deviceName.value = paired.name
    pairingNotice.value = null
    connection.value = 'online'
    lastOnlineAt.value = new Date()
    return { ok: true }
  }

  let inFlight: Promise<void> | null = null

  /** Asks the server who this device is; a refused token sends the screen back to pairing. */
  function refresh(): Promise<void> {
    inFlight ??= (async () => {
      const asked = token.value
      if (!asked) return
      try {
        const me = await api.devices.me.query()
        if (token.value !== asked) return
        if (me.device.kind !== kind) {
          forget({ type: 'wrongKind', claimedKind: me.device.kind })
          return
        }
        project.value = { ...me.project }
        deviceName.value = me.device.name
        channels.value = me.channels
        breakKeepsPlace.value = me.breakKeepsPlace
        connection.value = 'online'
        serverProblem.value = null
        lastOnlineAt.value = new Date()
        failures = 0
      } catch (error) {
        if (token.value !== asked) return
        const failure = describeFailure(error)
        if (failure.reached && failure.code === 'UNAUTHORIZED') {
          forget({ type: 'server', message: failure.message })
          return
        }
        failures += 1
        connection.value = 'offline'
        serverProblem.value = failure.reached ? failure.message : null
      }
    })().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  let beating = false
  let timer: ReturnType<typeof setTimeout> | undefined

  async function beat(): Promise<void> {
    clearTimeout(timer)
    await refresh()
    if (!beating || !token.value) return
    clearTimeout(timer)
    timer = setTimeout(
      () => void beat(),
      connection.value === 'online' ? HEARTBEAT_MS : retryDelay(failures - 1),
    )
  }

  function startHeartbeat(): void {
    if (beating) return
    beating = true
    void beat()
  }

  function stopHeartbeat(): void {
    beating = false
    clearTimeout(timer)
  }

  /** Checks in now rather than at the next beat, e.g. when the browser says the network is back. */
  function checkNow(): void {
    if (beating) void beat()
  }

  return {
    kind,
    breakKeepsPlace,
    server,
    token,
    project,
    deviceName,
    channels,
    connection,
    serverProblem,
    lastOnlineAt,
    pairingNotice,
    claim,
    forget,
    startHeartbeat,
    stopHeartbeat,
    checkNow,
  }
})

/** This screen's typed API client, authenticated as the paired device. */
export function useDeviceApi(): ApiClient {
  return useDeviceStore().server.api
}
