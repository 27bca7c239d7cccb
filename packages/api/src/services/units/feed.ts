import { EventEmitter } from 'node:events'
import type { UnitStatus } from '@anchang/shared'

/** One unit as the grid shows it (CONTRACT.md `units.grid`), with the version its last change set. */
export interface GridUnit {
  unitId: string
  building: string
  entrance: string
  floor: number
  room: string
  layout: string
  areaM2: number
  listPriceFen: number
  product: 'residential' | 'commercial' | 'parking'
  orientation: string | null
  status: UnitStatus
  version: number
}

/**
 * The office's live inventory: every committed change of a unit's status goes to every grid screen of
 * its project at once (CONTRACT.md: within a second; the benchmark holds it under 100 ms with 50
 * screens). A change is published only after its transaction commits, so no screen shows a status the
 * database then took back.
 */
export class UnitFeed {
  private readonly emitter = new EventEmitter().setMaxListeners(0)
  /**
   * The first message of a grid stream, per project and building, until the next change: fifty screens
   * reconnecting after a restart share one read of the grid and one serialization of it (rpc.ts keeps
   * one string per object), instead of each reading 3 000 rows.
   */
  private readonly openings = new Map<string, { kind: 'grid'; units: GridUnit[] }>()

  publish(projectId: string, changed: readonly GridUnit[]): void {
    if (!changed.length) return
    // A unit moved twice in one change (an undone cancellation: subscribed, then signed) is sent once, as it ends.
    const latest = new Map<string, GridUnit>()
    for (const unit of changed)
      if ((latest.get(unit.unitId)?.version ?? -1) < unit.version) latest.set(unit.unitId, unit)
    const units = [...latest.values()]
    for (const key of this.openings.keys())
      if (key.startsWith(`${projectId}\u0000`)) this.openings.delete(key)
    this.emitter.emit(projectId, units)
  }

  /** The whole grid as a stream's first message, read once for every stream opened before the next change. */
  opening(projectId: string, building: string | undefined, read: () => GridUnit[]) {
    const key = `${projectId}\u0000${building ?? ''}`
    let message = this.openings.get(key)
    if (!message) {
      message = { kind: 'grid', units: read() }
      this.openings.set(key, message)
    }
    return message
  }

  on(projectId: string, listener: (units: readonly GridUnit[]) => void): () => void {
    this.emitter.on(projectId, listener)
    return () => this.emitter.off(projectId, listener)
  }

  listeners(projectId: string): number {
    return this.emitter.listenerCount(projectId)
  }
}
