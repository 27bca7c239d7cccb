import { EventEmitter } from 'node:events'

/**
 * That something of a project changed: every audited write says so (audit.ts), so the live
 * dashboard re-reads its figures after a payment, an approval or an appeal as after a check-in.
 * Touches are coalesced per project: a burst of writes is one re-read a moment later, after the
 * writes' transactions have committed (they are synchronous: the timer cannot fire inside one).
 */
export class ActivityFeed {
  private readonly emitter = new EventEmitter().setMaxListeners(0)
  private readonly due = new Map<string, NodeJS.Timeout>()

  constructor(private readonly delayMs = 200) {}

  touched(projectId: string): void {
    if (this.due.has(projectId) || !this.emitter.listenerCount(projectId)) return
    const timer = setTimeout(() => {
      this.due.delete(projectId)
      this.emitter.emit(projectId)
    }, this.delayMs)
    // A pending touch never keeps the process (or a test run) alive.
    timer.unref()
    this.due.set(projectId, timer)
  }

  on(projectId: string, listener: () => void): () => void {
    this.emitter.on(projectId, listener)
    return () => this.emitter.off(projectId, listener)
  }
}
