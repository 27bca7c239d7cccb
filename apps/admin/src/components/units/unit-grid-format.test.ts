import { describe, expect, it } from 'vitest'
import {
  NO_FILTER,
  buildBlocks,
  buildingsOf,
  isFiltering,
  matchesFilter,
  mergeUnits,
  roomColumn,
  statusCounts,
  textColourOn,
  type GridCellUnit,
} from './unit-grid-format'

let n = 0
function unit(
  building: string,
  entrance: string,
  floor: number,
  room: string,
  extra: Partial<GridCellUnit> = {},
) {
  n += 1
  return {
    unitId: `u${n}`,
    building,
    entrance,
    floor,
    room,
    layout: '三室两厅',
    areaM2: 100,
    listPriceFen: 300_000_000,
    status: 'available' as const,
    ...extra,
  }
}

describe('the grid of one building', () => {
  const units = [
    unit('1栋', '2单元', 1, '101'),
    unit('1栋', '1单元', 1, '101', { areaM2: 89.57, listPriceFen: 250_000_000 }),
    unit('1栋', '1单元', 1, '102', { areaM2: 110.43, listPriceFen: 310_000_000 }),
    unit('1栋', '1单元', 10, '1002'),
    unit('1栋', '1单元', 2, '201'),
    unit('10栋', '1单元', 1, '101'),
    unit('2栋', '1单元', 1, '101'),
  ]

  it('lists buildings as people count them, 2栋 before 10栋', () => {
    expect(buildingsOf(units)).toEqual(['1栋', '2栋', '10栋'])
  })

  it('draws a block per entrance, top floor first, the rooms one above the other in one column', () => {
    const blocks = buildBlocks(units, '1栋')
    expect(blocks.map((b) => b.entrance)).toEqual(['1单元', '2单元'])
    const [first] = blocks
    expect(first!.columns).toEqual(['01', '02'])
    expect(first!.floors.map((f) => f.floor)).toEqual([10, 2, 1])
    expect(first!.floors.map((f) => f.cells.map((c) => c?.room ?? null))).toEqual([
      [null, '1002'],
      ['201', null],
      ['101', '102'],
    ])
  })

  it('gives each floor its average list price per m²: the floor’s total over its area', () => {
    const ground = buildBlocks(units, '1栋')[0]!.floors.at(-1)!
    // (2 500 000 + 3 100 000) yuan over 200 m².
    expect(ground.averageYuanPerM2).toBe(28_000)
  })

  it('keeps a room not named by its floor as its own column (a parking space below ground)', () => {
    expect(roomColumn('1203', 12)).toBe('03')
    expect(roomColumn('B101', -1)).toBe('B101')
    expect(roomColumn('商铺A', 1)).toBe('商铺A')
    expect(roomColumn('12', 12)).toBe('12')
  })
})

describe('the legend and the filters', () => {
  it('counts every status, those with no unit too', () => {
    expect(
      statusCounts([
        unit('1栋', '1单元', 1, '101'),
        unit('1栋', '1单元', 1, '102', { status: 'subscribed' }),
        unit('1栋', '1单元', 1, '103', { status: 'subscribed' }),
      ]),
    ).toEqual({ available: 1, held: 0, subscribed: 2, signed: 0, withheld: 0 })
  })

  it('picks units by layout, status and total price band, an empty choice meaning all', () => {
    const u = unit('1栋', '1单元', 1, '101', { layout: '两室', listPriceFen: 200_000_000, status: 'held' })
    expect(matchesFilter(u, NO_FILTER)).toBe(true)
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(matchesFilter(u, { ...NO_FILTER, layouts: ['两室'] })).toBe(true)
    expect(matchesFilter(u, { ...NO_FILTER, layouts: ['三室'] })).toBe(false)
    expect(matchesFilter(u, { ...NO_FILTER, statuses: ['available'] })).toBe(false)
    expect(matchesFilter(u, { ...NO_FILTER, minFen: 200_000_000, maxFen: 200_000_000 })).toBe(true)
    expect(matchesFilter(u, { ...NO_FILTER, maxFen: 199_999_999 })).toBe(false)
    expect(isFiltering({ ...NO_FILTER, minFen: 0 })).toBe(true)
  })
})

describe('live changes', () => {
  it('replaces a changed unit in place and adds a unit never seen (a new import)', () => {
    const a = unit('1栋', '1单元', 1, '101')
    const b = unit('1栋', '1单元', 1, '102')
    const merged = mergeUnits(
      [a, b],
      [{ ...b, status: 'subscribed' as const }, unit('1栋', '1单元', 2, '201')],
    )
    expect(merged.map((u) => [u.room, u.status])).toEqual([
      ['101', 'available'],
      ['102', 'subscribed'],
      ['201', 'available'],
    ])
  })
})

describe('cell text on the project’s colours', () => {
  it('is black on the light defaults and white on a dark colour', () => {
    for (const light of ['#DDE8E8', '#00CCFF', '#E5C862', '#8DE4A6', '#B8B8B8'])
      expect(textColourOn(light)).toBe('#000000')
    expect(textColourOn('#1d4ed8')).toBe('#ffffff')
    expect(textColourOn('#FF00FF')).toBe('#000000')
    expect(textColourOn('not a colour')).toBe('#000000')
  })
})
