const FIRST_RETRY_MS = 1_000
const LONGEST_WAIT_MS = 30_000

/**
 * How long to wait before retry number `attempt` (0-based): 1 s, 2 s, 4 s … at most 30 s. Quick
 * enough that a brief network blip goes unnoticed, gentle on a server that is restarting.
 */
export function retryDelay(attempt: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt))
}
