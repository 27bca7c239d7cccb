/**
 * A value kept in the browser between reloads. Storage can be switched off or full on a locked-down
 * kiosk browser; the device then still works until the next reload instead of failing outright.
 */
export function localSetting(key: string) {
  return {
    read(): string | null {
      try {
        return localStorage.getItem(key)
      } catch {
        return null
      }
    },
    write(value: string): void {
      try {
        localStorage.setItem(key, value)
      } catch {
        // Kept in memory only; see above.
      }
    },
    remove(): void {
      try {
        localStorage.removeItem(key)
      } catch {
        // Nothing was stored.
      }
    },
  }
}
