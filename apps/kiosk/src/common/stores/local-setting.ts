import { useStorage } from '@vueuse/core'
import type { Ref } from 'vue'

/** The browser's storage, or none: merely touching `localStorage` throws where a kiosk browser has it off. */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/**
 * A string kept in the browser between reloads, as it is (the contract provisions screens by
 * writing the bare token under `anchang.kiosk.token`); null removes it. Storage switched off or
 * full on a locked-down kiosk browser leaves the value in memory: the device works until the next
 * reload instead of failing outright.
 */
export function localSetting(key: string): Ref<string | null> {
  return useStorage<string | null>(key, null, browserStorage(), {
    onError: () => undefined,
    listenToStorageChanges: false,
  })
}
