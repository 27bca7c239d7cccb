import type { BreakReason, ConsultantStatus } from '@anchang/shared'

/** `0:05`, `12:05`, `1:02:03`: how long someone has been receiving, waiting or on a break. Never negative. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const ss = String(seconds).padStart(2, '0')
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`
}

/** Milliseconds from a server time to `now` on this device; 0 for a time not yet reached or unreadable. */
export function elapsedMs(sinceIso: string, now: number): number {
  const since = Date.parse(sinceIso)
  return Number.isNaN(since) ? 0 : Math.max(0, now - since)
}

/**
 * Time left to undo an assignment. The server measures the window from the assignment (or the
 * last reassignment) with its own clock; this one only decides whether to offer the button.
 */
export function undoRemainingMs(sinceIso: string, windowMinutes: number, now: number): number {
  const since = Date.parse(sinceIso)
  if (Number.isNaN(since) || windowMinutes <= 0) return 0
  return Math.max(0, since + windowMinutes * 60_000 - now)
}

/**
 * The 1-based position to send with `rotation.override move` when the row at `fromIndex` is dropped
 * on the row at `targetIndex` (both 0-based in the queue as shown). The server removes the consultant
 * and inserts them at `toPosition - 1`, so the dropped row takes the target's place whichever way it
 * moved. Null when dropped on itself: nothing to ask the manager.
 */
export function dropToPosition(fromIndex: number, targetIndex: number, length: number): number | null {
  if (fromIndex < 0 || fromIndex >= length || targetIndex < 0 || targetIndex >= length) return null
  return fromIndex === targetIndex ? null : targetIndex + 1
}

/** Up (-1) or down (+1) one place from a 1-based position; null at either end of the queue. */
export function stepToPosition(position: number, delta: -1 | 1, length: number): number | null {
  const next = position + delta
  return next < 1 || next > length ? null : next
}

/** The queue after a move, as the server will order it: for the preview in the reason dialog. */
export function movedOrder<T>(items: readonly T[], fromIndex: number, toPosition: number): T[] {
  const next = [...items]
  const [moved] = next.splice(fromIndex, 1)
  if (moved === undefined) return next
  next.splice(Math.max(0, Math.min(toPosition - 1, next.length)), 0, moved)
  return next
}

/** Who receives the next new visitor: the first available consultant in queue order. */
export function nextUpId(
  queue: readonly { consultantId: string; status: ConsultantStatus }[],
): string | null {
  return queue.find((c) => c.status === 'available')?.consultantId ?? null
}

/** A break with no reason keeps the place, as the server treats it; otherwise the project's setting decides. */
export function breakKeepsPlace(
  settings: Partial<Record<BreakReason, boolean>> | null | undefined,
  reason: BreakReason | null,
): boolean {
  if (!reason) return true
  return settings?.[reason] ?? true
}

/** An invalid reception's note: the chosen preset first, then what the consultant typed. */
export function invalidNote(preset: string | null, text: string): string {
  const typed = text.trim()
  if (preset && typed) return `${preset}：${typed}`
  return preset ?? typed
}

/** Whole minutes between two server times, or null while the reception is still open. */
export function durationMinutes(fromIso: string, toIso: string | null | undefined): number | null {
  if (!toIso) return null
  const from = Date.parse(fromIso)
  const to = Date.parse(toIso)
  if (Number.isNaN(from) || Number.isNaN(to)) return null
  return Math.max(0, Math.round((to - from) / 60_000))
}

export interface TallyBar {
  consultantId: string
  name: string
  valid: number
  invalid: number
  /** Still open, or voided by an undo: received but without a result. */
  other: number
  total: number
}

/**
 * Receptions per consultant for the day's chart, busiest first (ties by name, so the order holds
 * from one refresh to the next).
 */
export function tallyBars(
  rows: readonly {
    consultantId: string
    consultantName: string
    result?: 'valid' | 'invalid' | undefined | null
  }[],
): TallyBar[] {
  const bars = new Map<string, TallyBar>()
  for (const row of rows) {
    let bar = bars.get(row.consultantId)
    if (!bar) {
      bar = {
        consultantId: row.consultantId,
        name: row.consultantName,
        valid: 0,
        invalid: 0,
        other: 0,
        total: 0,
      }
      bars.set(row.consultantId, bar)
    }
    if (row.result === 'valid') bar.valid += 1
    else if (row.result === 'invalid') bar.invalid += 1
    else bar.other += 1
    bar.total += 1
  }
  return [...bars.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'))
}

/** The consultant's own phone-screen rule of thumb: a visitor's name, or their masked number when nameless. */
export function visitorLabel(visitor: { name: string; phone: string }): string {
  return visitor.name || visitor.phone
}
