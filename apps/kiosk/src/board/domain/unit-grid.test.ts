import { describe, expect, it } from 'vitest'
import {
  applyUnitChanges,
  areaText,
  averageYuanPerM2,
  groupGrid,
  inkOn,
  lineLengths,
  millionYuanText,
  nextBuilding,
  replaceGrid,
  roomColumn,
  splitLines,
  statusCounts,
  wanText,
  type GridUnit,
} from './unit-grid'

let nextId = 0
function unit(extra: Partial<GridUnit> & Pick<GridUnit, 'floor' | 'room'>): GridUnit {
  nextId += 1
  return {
    unitId: `u${nextId}`,
    building: '1栋',
    entrance: '1单元',
    layout: '两室两厅一卫',
    areaM2: 89.32,
    listPriceFen: 300_000_000,
    product: 'residential',
    orientation: '南',
    status: 'available',
    version: 0,
    ...extra,
  }
}

const cellRooms = (cells: (GridUnit | null)[]) => cells.map((u) => u?.room ?? null)

describe('grouping the grid', () => {
  it('puts buildings and entrances in the order people count them, floors top first, rooms in columns', () => {
    const units = [
      unit({ building: '10栋', floor: 1, room: '101' }),
      unit({ building: '2栋', entrance: '2单元', floor: 1, room: '102' }),
      unit({ building: '2栋', entrance: '2单元', floor: 1, room: '101' }),
      unit({ building: '2栋', entrance: '1单元', floor: 12, room: '1202' }),
      unit({ building: '2栋', entrance: '1单元', floor: 9, room: '901' }),
      unit({ building: '2栋', entrance: '1单元', floor: 12, room: '1201' }),
      unit({ building: '2栋', entrance: '1单元', floor: 9, room: '902' }),
    ]
    const grid = groupGrid(units)
    expect(grid.map((b) => b.building)).toEqual(['2栋', '10栋'])
    const [first, second] = grid[0]!.entrances
    expect(first!.entrance).toBe('1单元')
    expect(second!.entrance).toBe('2单元')
    expect(first!.columns).toEqual(['01', '02'])
    expect(first!.floors.map((f) => f.floor)).toEqual([12, 9])
    expect(cellRooms(first!.floors[0]!.cells)).toEqual(['1201', '1202'])
    expect(cellRooms(first!.floors[1]!.cells)).toEqual(['901', '902'])
    expect(cellRooms(second!.floors[0]!.cells)).toEqual(['101', '102'])
  })

  it('keeps a column straight up the building, leaving a gap where a floor lacks the room', () => {
    const grid = groupGrid([
      unit({ floor: 3, room: '301' }),
      unit({ floor: 3, room: '302' }),
      unit({ floor: 3, room: '303' }),
      unit({ floor: 2, room: '201' }),
      unit({ floor: 2, room: '203' }),
    ])
    const block = grid[0]!.entrances[0]!
    expect(cellRooms(block.floors[1]!.cells)).toEqual(['201', null, '203'])
  })

  it('reads a room numbered after its floor, with or without a leading zero', () => {
    expect(roomColumn({ floor: 12, room: '1201' })).toBe('01')
    expect(roomColumn({ floor: 3, room: '0302' })).toBe('02')
    expect(roomColumn({ floor: 3, room: '302' })).toBe('02')
    expect(roomColumn({ floor: 3, room: '甲' })).toBe('甲')
    expect(roomColumn({ floor: -1, room: 'B1-001' })).toBe('B1-001')
  })

  it('falls back to room names as columns rather than drop a unit when two would share a column', () => {
    const grid = groupGrid([unit({ floor: 1, room: '11' }), unit({ floor: 1, room: '101' })])
    const rooms = grid[0]!.entrances[0]!.floors[0]!.cells.map((u) => u?.room)
    expect(rooms.sort()).toEqual(['101', '11'])
  })

  const WALL = { width: 1830, height: 930, maxScale: 1.5 }

  it('keeps floors whole, one line each, for towers and small buildings alike', () => {
    const tower = [
      { columns: 4, floors: 18 },
      { columns: 4, floors: 18 },
    ]
    expect(lineLengths(tower, WALL)).toEqual([4, 4])
    // Three floors of two flats fit at their largest either way: nothing to gain from wrapping.
    const small = [
      { columns: 2, floors: 3 },
      { columns: 2, floors: 3 },
    ]
    expect(lineLengths(small, WALL)).toEqual([2, 2])
    // Ten flats along a corridor, thirty floors up: wrapping would only make it taller.
    expect(lineLengths([{ columns: 10, floors: 30 }], WALL)).toEqual([10])
    expect(lineLengths([], WALL)).toEqual([])
  })

  it('wraps a car park’s long row of spaces onto balanced lines, the last one padded', () => {
    const [perLine] = lineLengths([{ columns: 40, floors: 1 }], WALL)
    expect(perLine).toBeLessThan(40)
    // Balanced: no line is left with less than the others by a whole cell or more, bar padding.
    expect(Math.ceil(40 / perLine!) * perLine! - 40).toBeLessThan(Math.ceil(40 / perLine!))
    const spaces = Array.from({ length: 23 }, (_, i) => `B1-${String(i + 1).padStart(3, '0')}`)
    const lines = splitLines(spaces, 8)
    expect(lines.map((line) => line.length)).toEqual([8, 8, 8])
    expect(lines[0]![0]).toBe('B1-001')
    expect(lines[2]!.filter(Boolean)).toHaveLength(7)
    expect(splitLines(['101', '102'], 2)).toEqual([['101', '102']])
  })

  it('counts each building’s units per status for its legend', () => {
    const grid = groupGrid([
      unit({ floor: 1, room: '101', status: 'held' }),
      unit({ floor: 1, room: '102', status: 'signed' }),
      unit({ floor: 1, room: '103', status: 'signed' }),
      unit({ floor: 1, room: '104' }),
      unit({ building: '2栋', floor: 1, room: '101', status: 'withheld' }),
    ])
    expect(grid[0]!.counts).toEqual({ available: 1, held: 1, subscribed: 0, signed: 2, withheld: 0 })
    expect(grid[0]!.total).toBe(4)
    expect(grid[1]!.counts.withheld).toBe(1)
    expect(statusCounts([])).toEqual({ available: 0, held: 0, subscribed: 0, signed: 0, withheld: 0 })
  })
})

describe('the floor’s average price', () => {
  it('is the floor’s total list price over its total area, in whole yuan per m²', () => {
    // 118.56 m² at 3 800 000 元 and 89.32 m² at 2 900 000 元: 6 700 000 ÷ 207.88 = 32 230.13…
    const floor = [
      { areaM2: 118.56, listPriceFen: 380_000_000 },
      { areaM2: 89.32, listPriceFen: 290_000_000 },
    ]
    expect(averageYuanPerM2(floor)).toBe(32_230)
    const block = groupGrid([
      unit({ floor: 2, room: '201', areaM2: 118.56, listPriceFen: 380_000_000 }),
      unit({ floor: 2, room: '202', areaM2: 89.32, listPriceFen: 290_000_000 }),
    ])[0]!.entrances[0]!
    expect(block.floors[0]!.averageYuanPerM2).toBe(32_230)
  })

  it('is not a simple mean of the units’ own prices per m²', () => {
    const floor = [
      { areaM2: 100, listPriceFen: 100 * 30_000 * 100 },
      { areaM2: 50, listPriceFen: 50 * 36_000 * 100 },
    ]
    expect(averageYuanPerM2(floor)).toBe(32_000)
  })

  it('is absent when there is no area to divide by', () => {
    expect(averageYuanPerM2([])).toBeNull()
    expect(averageYuanPerM2([{ areaM2: 0, listPriceFen: 100 }])).toBeNull()
  })
})

describe('applying what the stream sends', () => {
  const a = unit({ floor: 1, room: '101', version: 2 })
  const b = unit({ floor: 1, room: '102', version: 0 })
  const shown = new Map([a, b].map((u) => [u.unitId, u]))

  it('replaces a unit by its id only with a higher version, and says which cells changed', () => {
    const held = { ...b, status: 'held' as const, version: 1 }
    const stale = { ...a, status: 'available' as const, version: 1 }
    const same = { ...a, status: 'signed' as const, version: 2 }
    const update = applyUnitChanges(shown, [held, stale, same])
    expect(update.units.get(b.unitId)?.status).toBe('held')
    expect(update.units.get(a.unitId)).toBe(a)
    expect(update.changedIds).toEqual([b.unitId])
    // The map shown stays as it was: the screen swaps in the new one.
    expect(shown.get(b.unitId)?.status).toBe('available')
  })

  it('adds units it has not seen (an import) and lights them', () => {
    const added = unit({ building: '3栋', floor: 1, room: '101' })
    const update = applyUnitChanges(shown, [added])
    expect(update.units.size).toBe(3)
    expect(update.changedIds).toEqual([added.unitId])
  })

  it('takes a whole grid as the truth, lighting only what moved on since the last one', () => {
    const first = replaceGrid(new Map(), [a, b])
    expect(first.changedIds).toEqual([])
    const moved = { ...b, status: 'subscribed' as const, version: 3 }
    const again = replaceGrid(first.units, [moved])
    expect([...again.units.values()]).toEqual([moved])
    expect(again.changedIds).toEqual([b.unitId])
  })
})

describe('cycling through buildings', () => {
  it('goes on to the next and round again, starting over when the one shown is gone', () => {
    const names = ['1栋', '2栋', '地下车库']
    expect(nextBuilding(names, '1栋')).toBe('2栋')
    expect(nextBuilding(names, '地下车库')).toBe('1栋')
    expect(nextBuilding(names, '9栋')).toBe('1栋')
    expect(nextBuilding([], '1栋')).toBeNull()
  })
})

describe('figures in the cells', () => {
  it('writes a total in 万 with at most two decimals', () => {
    expect(wanText(312_600_000)).toBe('312.6万')
    expect(wanText(312_580_000)).toBe('312.58万')
    expect(wanText(300_000_000)).toBe('300万')
    // 3 125 849 元 rounds to the nearest 100 元.
    expect(wanText(312_584_900)).toBe('312.58万')
    expect(wanText(312_585_000)).toBe('312.59万')
    expect(wanText(18_000_000)).toBe('18万')
    expect(wanText(4_000_000)).toBe('4万')
    expect(wanText(10_000)).toBe('0.01万')
    expect(wanText(4_999)).toBe('0万')
    expect(wanText(0)).toBe('0万')
  })

  it('writes a total in millions for the English screen', () => {
    expect(millionYuanText(312_600_000)).toBe('¥3.126M')
    expect(millionYuanText(300_000_000)).toBe('¥3M')
    expect(millionYuanText(18_000_000)).toBe('¥0.18M')
  })

  it('writes an area with two decimals', () => {
    expect(areaText(89.32)).toBe('89.32')
    expect(areaText(118.5)).toBe('118.50')
    expect(areaText(12)).toBe('12.00')
  })

  it('picks black text on the light default colours and white on a dark project colour', () => {
    for (const colour of ['#DDE8E8', '#00CCFF', '#E5C862', '#8DE4A6', '#B8B8B8']) {
      expect(inkOn(colour)).toBe('#0b0f16')
    }
    expect(inkOn('#1a3a6b')).toBe('#ffffff')
    expect(inkOn('#FF00FF')).toBe('#0b0f16')
    expect(inkOn('not a colour')).toBe('#0b0f16')
  })
})
