/**
 * What a paired board shows, chosen by the address its browser opens: `/board` the reception
 * rotation, `/board/units` the unit grid (销控表) of every building in turn, and
 * `/board/units?building=1栋` the grid of that building alone. The token is the same for both, so a
 * manager moves a hall screen from one to the other by changing its start address, not by pairing.
 */
export type BoardScreen = { view: 'rotation' } | { view: 'units'; building: string | null }

export const UNITS_PATH = '/board/units'

export function boardScreenOf(location: { pathname: string; search: string }): BoardScreen {
  if (location.pathname.replace(/\/+$/, '') !== UNITS_PATH) return { view: 'rotation' }
  const building = new URLSearchParams(location.search).get('building')?.trim()
  return { view: 'units', building: building || null }
}
