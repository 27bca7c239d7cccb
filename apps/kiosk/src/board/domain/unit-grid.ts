import type { RouterOutputs } from '@anchang/api'
import { UNIT_STATUSES, type UnitStatus } from '@anchang/shared'

/** One unit as `units.grid` and every `units.onChange` event carry it. */
export type GridUnit = RouterOutputs['units']['grid'][number]
/** What `units.onChange` sends: the whole grid first (again after every reconnect), then changed units. */
export type GridEvent = RouterOutputs['units']['onChange'] extends AsyncIterable<infer Event> ? Event : never
/** The project's colours per status and its pre-sale permit, from `units.display`. */
export type GridDisplay = RouterOutputs['units']['display']
export type StatusCounts = Record<UnitStatus, number>

/** How long a cell that just changed stays lit, so people in the hall look up and see which one. */
export const HIGHLIGHT_MS = 8_000

export interface FloorRow {
  floor: number
  /** The floor's cell in each of the block's columns; `null` where the floor has no such room. */
  cells: (GridUnit | null)[]
  /** Σ list price ÷ Σ area of the floor's units in whole yuan per m², or null with no area to divide by. */
  averageYuanPerM2: number | null
}

export interface EntranceBlock {
  entrance: string
  /** The room positions across the block's floors (`01`, `02` … of `1201`, `1202` …), left to right. */
  columns: string[]
  /** Top floor first, as the building stands. */
  floors: FloorRow[]
}

export interface BuildingGrid {
  building: string
  entrances: EntranceBlock[]
  counts: StatusCounts
  total: number
}

/** Names as people count them: 2栋 before 10栋, 1单元 before 2单元, 0902 before 1001. */
const collator = new Intl.Collator('zh-CN', { numeric: true })
const byName = (a: string, b: string) => collator.compare(a, b)

/**
 * The column a room stands in: `1201` on floor 12 and `0301` on floor 3 are both in column `01`, so a
 * column runs straight up the building. A room not numbered after its floor is its own column.
 */
export function roomColumn(unit: Pick<GridUnit, 'floor' | 'room'>): string {
  const prefixes = [String(unit.floor), String(unit.floor).padStart(2, '0')]
  for (const prefix of prefixes) {
    const rest = unit.room.slice(prefix.length)
    if (unit.floor > 0 && unit.room.startsWith(prefix) && /^\d+$/.test(rest)) return rest
  }
  return unit.room
}

/** Σ list price ÷ Σ area, in whole yuan per m² (均价 as the sales office quotes it). */
export function averageYuanPerM2(units: readonly Pick<GridUnit, 'areaM2' | 'listPriceFen'>[]): number | null {
  const centiM2 = units.reduce((sum, u) => sum + Math.round(u.areaM2 * 100), 0)
  if (centiM2 <= 0) return null
  const fen = units.reduce((sum, u) => sum + u.listPriceFen, 0)
  // fen / centi-m² is yuan per m² exactly: both sides are in hundredths.
  return Math.round(fen / centiM2)
}

export function statusCounts(units: readonly Pick<GridUnit, 'status'>[]): StatusCounts {
  const counts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as StatusCounts
  for (const unit of units) counts[unit.status] += 1
  return counts
}

/**
 * A cell's size and what a block adds around its cells (floor, average, header), in px as the block
 * lays them out before scaling: for guessing the layout that draws a building largest before it is
 * drawn. The page then scales to the real size, so a guess a little off costs little.
 */
const CELL = { width: 210, height: 78 }
const BLOCK_EXTRA = { width: 200, height: 50 }
/** Floors are broken onto more lines only for a grid drawn at least this much larger. */
const WRAP_GAIN = 1.25

export interface Wall {
  width: number
  height: number
  /** The largest the grid is drawn, however small the building. */
  maxScale: number
}

/**
 * How many cells each floor line of each entrance holds: a whole floor per line, unless a long floor
 * (a car park's row of spaces) is drawn larger wrapped onto balanced lines. Every block wraps at the
 * same length, so its columns still run straight down.
 */
export function lineLengths(blocks: readonly { columns: number; floors: number }[], wall: Wall): number[] {
  if (!blocks.length) return []
  const widest = Math.max(1, ...blocks.map((b) => b.columns))
  let best = { scale: -1, perLine: [] as number[] }
  for (let max = widest; max >= 1; max--) {
    const laid = blocks.map((b) => {
      const columns = Math.max(1, b.columns)
      const lines = Math.ceil(columns / max)
      return { perLine: Math.ceil(columns / lines), rows: lines * b.floors }
    })
    const width = laid.reduce((sum, b) => sum + b.perLine * CELL.width + BLOCK_EXTRA.width, 0)
    const height = Math.max(...laid.map((b) => b.rows)) * CELL.height + BLOCK_EXTRA.height
    const scale = Math.min(wall.maxScale, wall.width / width, wall.height / height)
    if (best.scale < 0 || scale > best.scale * WRAP_GAIN)
      best = { scale, perLine: laid.map((b) => b.perLine) }
  }
  return best.perLine
}

/** A floor's cells in lines of `perLine`, the last padded so every line has the same cells. */
export function splitLines<T>(cells: readonly (T | null)[], perLine: number): (T | null)[][] {
  const size = Math.max(1, perLine)
  const lines: (T | null)[][] = []
  for (let i = 0; i < cells.length; i += size) {
    const line = cells.slice(i, i + size)
    while (line.length < size) line.push(null)
    lines.push(line)
  }
  return lines
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/** Each unit's column in one entrance; by room name instead if two rooms of a floor would share one. */
function columnsOf(units: readonly GridUnit[]): (unit: GridUnit) => string {
  const seen = new Set<string>()
  for (const unit of units) {
    const key = `${unit.floor}\u0000${roomColumn(unit)}`
    if (seen.has(key)) return (u) => u.room
    seen.add(key)
  }
  return roomColumn
}

function entranceBlock(entrance: string, units: readonly GridUnit[]): EntranceBlock {
  const columnOf = columnsOf(units)
  const columns = [...new Set(units.map(columnOf))].sort(byName)
  const floors = [...groupBy(units, (u) => String(u.floor)).values()]
    .map((floorUnits): FloorRow => {
      const byColumn = new Map(floorUnits.map((u) => [columnOf(u), u]))
      return {
        floor: floorUnits[0]!.floor,
        cells: columns.map((column) => byColumn.get(column) ?? null),
        averageYuanPerM2: averageYuanPerM2(floorUnits),
      }
    })
    .sort((a, b) => b.floor - a.floor)
  return { entrance, columns, floors }
}

/** The grid as the hall screen draws it: buildings, a block per entrance, floors, rooms. */
export function groupGrid(units: readonly GridUnit[]): BuildingGrid[] {
  return [...groupBy(units, (u) => u.building).entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([building, buildingUnits]) => ({
      building,
      entrances: [...groupBy(buildingUnits, (u) => u.entrance).entries()]
        .sort(([a], [b]) => byName(a, b))
        .map(([entrance, entranceUnits]) => entranceBlock(entrance, entranceUnits)),
      counts: statusCounts(buildingUnits),
      total: buildingUnits.length,
    }))
}

export interface GridUpdate {
  units: Map<string, GridUnit>
  /** Units that are new or moved on: the cells to light up. */
  changedIds: string[]
}

/**
 * A `units` event applied by unitId: a unit replaces the one shown only with a higher version, so a
 * late or repeated event can never take a cell back to an older status.
 */
export function applyUnitChanges(
  current: ReadonlyMap<string, GridUnit>,
  changed: readonly GridUnit[],
): GridUpdate {
  const units = new Map(current)
  const changedIds: string[] = []
  for (const unit of changed) {
    const shown = units.get(unit.unitId)
    if (shown && shown.version >= unit.version) continue
    units.set(unit.unitId, unit)
    if (!changedIds.includes(unit.unitId)) changedIds.push(unit.unitId)
  }
  return { units, changedIds }
}

/**
 * A `grid` event: it replaces everything (after a reconnect it is the whole truth, units removed
 * included). Units that moved on while the screen was not listening light up, as a live change would.
 */
export function replaceGrid(current: ReadonlyMap<string, GridUnit>, grid: readonly GridUnit[]): GridUpdate {
  const units = new Map(grid.map((u) => [u.unitId, u]))
  const changedIds = current.size
    ? grid
        .filter((u) => {
          const shown = current.get(u.unitId)
          return !shown || shown.version !== u.version
        })
        .map((u) => u.unitId)
    : []
  return { units, changedIds }
}

/** The building to show next, in order and round again; the first when the one shown is gone. */
export function nextBuilding(buildings: readonly string[], shown: string | null): string | null {
  if (!buildings.length) return null
  const at = shown === null ? -1 : buildings.indexOf(shown)
  return buildings[(at + 1) % buildings.length] ?? null
}

/** Fen as 万元 with at most two decimals, trailing zeros dropped: 3 126 000 元 → `312.6万`. */
export function wanText(fen: number): string {
  // 1万元 is 1 000 000 fen; 0.01万 (100 元) is the finest step shown.
  const hundredths = Math.round(fen / 10_000)
  const whole = Math.trunc(hundredths / 100)
  const decimals = String(Math.abs(hundredths % 100))
    .padStart(2, '0')
    .replace(/0+$/, '')
  return `${whole}${decimals ? `.${decimals}` : ''}万`
}

/** Fen in millions of yuan for the English screen, at most three decimals: `¥3.126M`. */
export function millionYuanText(fen: number): string {
  const thousands = Math.round(fen / 100_000)
  const whole = Math.trunc(thousands / 1000)
  const decimals = String(Math.abs(thousands % 1000))
    .padStart(3, '0')
    .replace(/0+$/, '')
  return `¥${whole}${decimals ? `.${decimals}` : ''}M`
}

/** Area as the grid prints it: always two decimals, `89.12`. */
export function areaText(areaM2: number): string {
  return (Math.round(areaM2 * 100) / 100).toFixed(2)
}

/** Black or white text, whichever reads better on a cell of this colour (WCAG relative luminance). */
export function inkOn(background: string): '#0b0f16' | '#ffffff' {
  const hex = /^#?([0-9a-f]{6})$/i.exec(background.trim())?.[1]
  if (!hex) return '#0b0f16'
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): they cross at L ≈ 0.179.
  return luminance > 0.179 ? '#0b0f16' : '#ffffff'
}
