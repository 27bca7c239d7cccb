/**
 * A batch of units to import (销控 set-up): what makes two rows the same unit, and the rows that
 * repeat one before. The admin's preview and `units.import` ask the same function, so what the
 * preview passes the server takes.
 */
export interface UnitPlace {
  building: string
  entrance: string
  room: string
}

/** Building, entrance and room name one unit of a project. */
export const unitPlaceKey = (u: UnitPlace): string => `${u.building}\u0000${u.entrance}\u0000${u.room}`

/** `1栋-2单元-1201`, as people name a unit. */
export const unitPlaceLabel = (u: UnitPlace): string => `${u.building}-${u.entrance}-${u.room}`

/** Each row (counted from 1) that names a unit an earlier row already named, with that row. */
export function repeatedUnits(rows: readonly UnitPlace[]): { row: number; first: number; unit: string }[] {
  const seen = new Map<string, number>()
  const repeats: { row: number; first: number; unit: string }[] = []
  rows.forEach((u, i) => {
    const key = unitPlaceKey(u)
    const first = seen.get(key)
    if (first === undefined) seen.set(key, i + 1)
    else repeats.push({ row: i + 1, first, unit: unitPlaceLabel(u) })
  })
  return repeats
}
