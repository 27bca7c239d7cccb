import { EventEmitter } from 'node:events'
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { projects, receptions, rotationEvents, users, type Db, type Tx } from '@anchang/db'
import {
  applyEvent,
  boardView,
  initialRotationState,
  localDate,
  resolveSettings,
  type BoardView,
  type Decision,
  type NoticePayload,
  type ProjectSettings,
  type RotationEvent,
  type RotationEventInput,
  type RotationState,
} from '@anchang/shared'
import type { Logger } from '../../logger'
import { prepared } from '../../prepared'
import { activeChannels } from '../projects/read'

/** Average reception length assumed before the day has finished receptions of its own. */
const DEFAULT_RECEPTION_MINUTES = 20

export interface ProjectConfig {
  id: string
  code: string
  name: string
  timeZone: string
  settings: ProjectSettings
  webhookUrl: string | null
  channels: string[]
}

/** One project's rotation today: the folded state plus what the kiosk's wait estimate needs. */
export interface ProjectDay {
  config: ProjectConfig
  date: string
  state: RotationState
  /** Whether today's log has begun (it always begins with the settings in force). */
  logged: boolean
  finished: { count: number; minutes: number }
}

export type BoardPayload = BoardView & {
  project: { id: string; code: string; name: string; timeZone: string }
  date: string
  averageReceptionMinutes: number
}

interface PendingWrite {
  projectId: string
  now: Date
  actor: EventActor
  input: RotationEventInput
  effects: (tx: Tx, decisions: Decision[], day: ProjectDay, event: RotationEvent) => unknown
  resolve: (value: { decisions: Decision[]; result: unknown }) => void
  reject: (error: unknown) => void
}

/** Who the log names for an event. */
export interface EventActor {
  type: 'user' | 'device' | 'system'
  id: string | null
}

/**
 * Keeps each project's day in memory, folded from the `rotation_events` log, and is the only writer
 * of that log. A write applies the event to the state and stores the event and its effects in one
 * synchronous transaction, so requests cannot interleave and a failed write leaves no trace: if the
 * state had already changed, the day is dropped and rebuilt from the log on next use.
 */
export class RotationHub {
  private readonly days = new Map<string, ProjectDay>()
  private readonly configs = new Map<string, ProjectConfig>()
  private readonly emitter = new EventEmitter().setMaxListeners(0)
  private readonly pending = new Set<string>()
  private readonly boards = new Map<string, BoardPayload>()
  private queue: PendingWrite[] = []
  private flushScheduled = false

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly clock: () => Date,
  ) {}

  config(projectId: string): ProjectConfig {
    let config = this.configs.get(projectId)
    if (!config) {
      const row = this.db.select().from(projects).where(eq(projects.id, projectId)).get()
      if (!row) throw new Error(`project ${projectId} vanished`)
      config = {
        id: row.id,
        code: row.code,
        name: row.name,
        timeZone: row.timeZone,
        settings: resolveSettings(row.settings),
        webhookUrl: row.webhookUrl,
        channels: activeChannels(this.db, row.id),
      }
      this.configs.set(projectId, config)
    }
    return config
  }

  /** Today's rotation for the project, rebuilt from the log when the day changed or is not loaded. */
  day(projectId: string, now: Date): ProjectDay {
    const config = this.config(projectId)
    const date = localDate(now, config.timeZone)
    const cached = this.days.get(projectId)
    if (cached && cached.date === date) return cached
    const state = initialRotationState(config.settings.rotation)
    const events = this.db
      .select({ event: rotationEvents.event })
      .from(rotationEvents)
      .where(and(eq(rotationEvents.projectId, projectId), eq(rotationEvents.date, date)))
      .orderBy(asc(rotationEvents.id))
      .all()
    for (const { event } of events) applyEvent(state, event)
    const finished = this.db
      .select({ assignedAt: receptions.assignedAt, finishedAt: receptions.finishedAt })
      .from(receptions)
      .where(
        and(eq(receptions.projectId, projectId), eq(receptions.date, date), isNotNull(receptions.finishedAt)),
      )
      .all()
    const day: ProjectDay = {
      config,
      date,
      state,
      logged: events.length > 0,
      finished: { count: 0, minutes: 0 },
    }
    for (const r of finished) this.addDuration(day, r.assignedAt, r.finishedAt!)
    this.days.set(projectId, day)
    return day
  }

  addDuration(day: ProjectDay, from: string, to: string): void {
    day.finished.count += 1
    day.finished.minutes += Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000)
  }

  averageReceptionMinutes(day: ProjectDay): number {
    return day.finished.count ? day.finished.minutes / day.finished.count : DEFAULT_RECEPTION_MINUTES
  }

  /**
   * Applies one event and stores it with its effects. `effects` runs inside the transaction with the
   * decisions the event caused; the promise answers what it returned once the write is on disk.
   */
  commit<T>(
    projectId: string,
    now: Date,
    actor: EventActor,
    input: RotationEventInput,
    effects: (tx: Tx, decisions: Decision[], day: ProjectDay, event: RotationEvent) => T,
  ): Promise<{ decisions: Decision[]; result: T }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ projectId, now, actor, input, effects, resolve, reject } as PendingWrite)
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  /**
   * Group commit. The writes queued during one turn of the event loop go to disk in one transaction,
   * one disk sync for all of them, and nobody is answered before it. Each write runs in a savepoint of
   * its own: a refused or failed one is rolled back alone and its project's day is rebuilt from the
   * log at once, so the writes after it in the batch see exactly what is stored.
   */
  private flush(): void {
    this.flushScheduled = false
    const batch = this.queue
    this.queue = []
    const outcomes: (
      | { ok: true; value: { decisions: Decision[]; result: unknown } }
      | { ok: false; error: unknown }
    )[] = []
    const touched = new Set<string>()
    try {
      this.db.transaction((outer) => {
        for (const unit of batch) {
          let applied = false
          try {
            const day = this.day(unit.projectId, unit.now)
            const at = unit.now.toISOString()
            const event = { ...unit.input, at } as RotationEvent
            const value = outer.transaction((tx) => {
              if (!day.logged)
                this.append(
                  day,
                  { type: 'settings', settings: day.state.settings, at },
                  { type: 'system', id: null },
                )
              if (day.config.settings.rotation.overdueFollowUpsBlock)
                event.blockedIds = this.blocked(day, unit.now)
              const decisions = applyEvent(day.state, event)
              applied = true
              this.append(day, event, unit.actor)
              return { decisions, result: unit.effects(tx, decisions, day, event) }
            })
            day.logged = true
            touched.add(unit.projectId)
            outcomes.push({ ok: true, value })
          } catch (error) {
            if (applied) this.days.delete(unit.projectId)
            outcomes.push({ ok: false, error })
          }
        }
      })
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored, and the days must be re-read.
      for (const unit of batch) {
        this.days.delete(unit.projectId)
        unit.reject(error)
      }
      return
    }
    for (const projectId of touched) this.changed(projectId)
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) unit.resolve(outcome.value)
      else unit.reject(outcome.error)
    })
  }

  /**
   * Consultants on duty with an overdue follow-up, whom the project keeps out of the rotation:
   * read inside the write, so every pick (check-in, a passed-on missed turn, a freed consultant
   * taking the waiting line) sees the book as it stands.
   */
  private blocked(day: ProjectDay, now: Date): string[] {
    const today = localDate(now, day.config.timeZone)
    const at = now.toISOString()
    const check = prepared(this.db).hasOverdueFollowUp
    return [...day.state.consultants.keys()].filter(
      (id) => check.get(day.config.id, id, today, at) !== undefined,
    )
  }

  /** Appends to the day's log; called inside the write's transaction (there is one connection). */
  private append(day: ProjectDay, event: RotationEvent, actor: EventActor): void {
    prepared(this.db).insertEvent({
      projectId: day.config.id,
      date: day.date,
      at: event.at,
      type: event.type,
      event,
      actorType: actor.type,
      actorId: actor.id,
    })
  }

  /** Project settings, name, time zone or channels changed: reload them, and log new rotation settings. */
  projectChanged(projectId: string, now: Date): void {
    const before = this.configs.get(projectId)
    this.configs.delete(projectId)
    const day = this.days.get(projectId)
    if (!day) return
    const config = this.config(projectId)
    if (!before || before.timeZone !== config.timeZone) {
      this.days.delete(projectId)
    } else {
      day.config = config
      if (JSON.stringify(day.state.settings) !== JSON.stringify(config.settings.rotation)) {
        void this.commit(
          projectId,
          now,
          { type: 'system', id: null },
          { type: 'settings', settings: config.settings.rotation },
          () => null,
        ).catch((error: unknown) =>
          this.log.error('settings event not logged', { projectId, error: String(error) }),
        )
      }
    }
    this.changed(projectId)
  }

  board(projectId: string, now: Date): BoardPayload {
    const day = this.day(projectId, now)
    const cached = this.boards.get(projectId)
    if (cached && cached.date === day.date) return cached
    const { config } = day
    const board: BoardPayload = {
      ...boardView(day.state),
      project: { id: config.id, code: config.code, name: config.name, timeZone: config.timeZone },
      date: day.date,
      averageReceptionMinutes: Math.round(this.averageReceptionMinutes(day) * 10) / 10,
    }
    this.boards.set(projectId, board)
    return board
  }

  /**
   * Board subscribers get the whole board after every change. Changes in one tick are sent once,
   * and the board is built only when someone listens: a check-in with no board open costs nothing here.
   */
  private changed(projectId: string): void {
    this.boards.delete(projectId)
    if (this.pending.has(projectId) || this.emitter.listenerCount(`board:${projectId}`) === 0) return
    this.pending.add(projectId)
    setImmediate(() => {
      this.pending.delete(projectId)
      try {
        this.emitter.emit(`board:${projectId}`, this.board(projectId, this.clock()))
      } catch (error) {
        this.log.error('board update failed', { projectId, error: String(error) })
      }
    })
  }

  onBoard(projectId: string, listener: (board: BoardPayload) => void): () => void {
    this.emitter.on(`board:${projectId}`, listener)
    return () => this.emitter.off(`board:${projectId}`, listener)
  }

  notifyUser(userId: string, notice: NoticePayload): void {
    this.emitter.emit(`user:${userId}`, notice)
  }

  onUser(userId: string, listener: (notice: NoticePayload) => void): () => void {
    this.emitter.on(`user:${userId}`, listener)
    return () => this.emitter.off(`user:${userId}`, listener)
  }

  consultantName(id: string): string {
    return this.db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? ''
  }
}
