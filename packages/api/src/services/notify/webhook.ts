import { and, asc, eq, isNull, lte } from 'drizzle-orm'
import { webhookDeliveries, type Db } from '@anchang/db'
import type { Logger } from '../../logger'

const MAX_ATTEMPTS = 6
const TIMEOUT_MS = 5_000

/** 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min between tries. */
export const retryDelayMs = (attempts: number) => 10_000 * 3 ** (attempts - 1)

/**
 * Delivers the webhook outbox. Assignments only write a row; this posts it afterwards, so a slow or
 * failing group robot never delays a check-in. A row is tried up to six times, then given up on.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null
  private running = false

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly clock: () => Date,
    private readonly post: (url: string, body: unknown) => Promise<void> = postJson,
  ) {}

  start(intervalMs = 1_000): void {
    this.timer ??= setInterval(() => void this.deliverDue(), intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Posts every due delivery once; answers how many were delivered. */
  async deliverDue(): Promise<number> {
    if (this.running) return 0
    this.running = true
    let delivered = 0
    try {
      const now = this.clock().toISOString()
      const due = this.db
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            isNull(webhookDeliveries.deliveredAt),
            isNull(webhookDeliveries.failedAt),
            lte(webhookDeliveries.nextAttemptAt, now),
          ),
        )
        .orderBy(asc(webhookDeliveries.id))
        .limit(50)
        .all()
      for (const row of due) {
        const attempts = row.attempts + 1
        try {
          await this.post(row.url, row.payload)
          this.db
            .update(webhookDeliveries)
            .set({ attempts, deliveredAt: this.clock().toISOString(), lastError: null })
            .where(eq(webhookDeliveries.id, row.id))
            .run()
          delivered += 1
        } catch (error) {
          const lastError = error instanceof Error ? error.message : String(error)
          const giveUp = attempts >= MAX_ATTEMPTS
          this.db
            .update(webhookDeliveries)
            .set({
              attempts,
              lastError,
              failedAt: giveUp ? this.clock().toISOString() : null,
              nextAttemptAt: new Date(this.clock().getTime() + retryDelayMs(attempts)).toISOString(),
            })
            .where(eq(webhookDeliveries.id, row.id))
            .run()
          this.log.warn('webhook delivery failed', {
            projectId: row.projectId,
            attempts,
            giveUp,
            error: lastError,
          })
        }
      }
    } finally {
      this.running = false
    }
    return delivered
  }
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  // Group robots answer 200 with an error code in the body when they refuse a message.
  const text = await response.text()
  try {
    const json = JSON.parse(text) as { errcode?: number; errmsg?: string }
    if (json.errcode) throw new Error(`errcode ${json.errcode}: ${json.errmsg ?? ''}`)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
  }
}
