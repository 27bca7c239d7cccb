import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { i18n, setLocale } from '../../common/locales'
import { DEVICE_KIND, useDeviceStore } from '../../common/stores/device'
import { FakeEventSource } from '../../test/fake-event-source'
import { DEMO_PROJECT, fakeServer, ok, pairedDevice, type FakeServer } from '../../test/fake-server'
import { BUILDING_CYCLE_MS } from '../composables/useUnitGridView'
import { HIGHLIGHT_MS, type GridUnit } from '../domain/unit-grid'
import { useLiveUnitsStore } from '../stores/live-units'
import BoardUnitsPage from './BoardUnitsPage.vue'

/**
 * The hall screen as a paired board at /board/units shows it: the server is faked at the network
 * boundary (fetch for `units.display`, the EventSource for `units.onChange`), so the real client,
 * its link and the store's reconnects all run.
 */

function unit(building: string, entrance: string, floor: number, n: number, extra: Partial<GridUnit> = {}) {
  return {
    unitId: `${building}-${entrance}-${floor}0${n}`,
    building,
    entrance,
    floor,
    room: `${floor}0${n}`,
    layout: '两室两厅一卫',
    areaM2: 89.32,
    listPriceFen: 312_600_000,
    product: 'residential' as const,
    orientation: '南',
    status: 'available' as const,
    version: 0,
    ...extra,
  } satisfies GridUnit
}

/** 1 building × 2 entrances × 3 floors × 2 rooms, all 待售. */
function building(name = '1栋'): GridUnit[] {
  const units: GridUnit[] = []
  for (const entrance of ['1单元', '2单元'])
    for (let floor = 1; floor <= 3; floor++)
      for (let n = 1; n <= 2; n++) units.push(unit(name, entrance, floor, n))
  return units
}

const COLOURS = {
  available: '#DDE8E8',
  held: '#8DE4A6',
  subscribed: '#00CCFF',
  signed: '#E5C862',
  withheld: '#B8B8B8',
}

let server: FakeServer
let page: VueWrapper

async function openGrid(pinned: string | null = null) {
  const pinia = pairedDevice('board')
  server.handle('units.display', () => ok({ unitColours: COLOURS, presalePermit: '深房许字（2026）001号' }))
  useDeviceStore().project = { ...DEMO_PROJECT }
  page = mount(BoardUnitsPage, {
    props: { building: pinned },
    global: { plugins: [pinia, i18n], provide: { [DEVICE_KIND as symbol]: 'board' } },
  })
  await flushPromises()
  const stream = FakeEventSource.latest()
  stream.connect()
  return stream
}

const cell = (entrance: string, room: string) =>
  page
    .findAll('[data-testid="grid-block"]')
    .find((block) => block.attributes('aria-label') === entrance)!
    .findAll('[data-testid="unit-cell"]')
    .find((c) => c.find('.room').text() === room)!
/** Time passing on a healthy stream: the server pings every 5 s. */
async function pass(stream: FakeEventSource, ms: number) {
  for (let left = ms; left > 0; left -= 5_000) {
    await vi.advanceTimersByTimeAsync(Math.min(5_000, left))
    stream.ping()
  }
}
const legend = () => page.get('[data-testid="grid-legend"]').text()

describe('the unit grid on the hall screen', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    localStorage.clear()
    setLocale('zh-CN')
    FakeEventSource.instances = []
    server = fakeServer()
    vi.stubGlobal('fetch', server.fetch)
    vi.stubGlobal('EventSource', FakeEventSource)
  })
  afterEach(() => {
    page.unmount()
    useLiveUnitsStore().stop()
    vi.unstubAllGlobals()
    vi.useRealTimers()
    setLocale('zh-CN')
  })

  it('listens with the board’s token and draws each cell with its room, status, area and total in 万', async () => {
    const stream = await openGrid()
    expect(decodeURIComponent(stream.url)).toContain('units.onChange')
    expect(decodeURIComponent(stream.url)).toContain('"token":"token-1"')
    expect(decodeURIComponent(stream.url)).toContain('"projectId":"project-1"')
    expect(page.text()).toContain('正在载入销控表…')

    stream.send({ kind: 'grid', units: building() })
    await flushPromises()
    expect(page.get('[data-testid="grid-building"]').text()).toBe('1栋')
    expect(page.get('[data-testid="presale-permit"]').text()).toBe('预售许可证 深房许字（2026）001号')
    expect(
      page.findAll('[data-testid="grid-block"]').map((b) => b.get('[data-testid="grid-entrance"]').text()),
    ).toEqual(['1单元', '2单元'])
    const top = cell('1单元', '301')
    expect(top.text()).toContain('待售')
    expect(top.text()).toContain('89.32m²')
    expect(top.text()).toContain('312.6万')
    expect(top.attributes('style')).toMatch(/background: (#DDE8E8|rgb\(221, 232, 232\))/i)
    // Top floor first; the floor's average at the row's end: 3 126 000 元 ÷ 89.32 m².
    const rows = page.findAll('[data-testid="grid-block"]')[0]!.findAll('tbody tr')
    expect(rows.map((r) => r.get('th').text())).toEqual(['3', '2', '1'])
    expect(rows[0]!.get('[data-testid="floor-average"]').text()).toBe('34,998')
    expect(legend()).toContain('待售12')
    expect(legend()).toContain('保留0')
    expect(page.get('[data-testid="grid-total"]').text()).toBe('共 12 套')
  })

  it('changes a cell the moment its unit changes, lights it for a while, and never goes back a version', async () => {
    const stream = await openGrid()
    stream.send({ kind: 'grid', units: building() })
    await flushPromises()

    stream.send({ kind: 'units', units: [unit('1栋', '2单元', 2, 1, { status: 'held', version: 1 })] })
    await flushPromises()
    const held = cell('2单元', '201')
    expect(held.get('[data-testid="unit-status"]').text()).toBe('保留')
    expect(held.classes()).toContain('lit')
    expect(cell('1单元', '201').get('[data-testid="unit-status"]').text()).toBe('待售')
    expect(legend()).toContain('待售11')
    expect(legend()).toContain('保留1')

    // A late, older event for the same unit is ignored.
    stream.send({ kind: 'units', units: [unit('1栋', '2单元', 2, 1, { status: 'available', version: 0 })] })
    await flushPromises()
    expect(cell('2单元', '201').get('[data-testid="unit-status"]').text()).toBe('保留')

    await vi.advanceTimersByTimeAsync(HIGHLIGHT_MS)
    expect(cell('2单元', '201').classes()).not.toContain('lit')
  })

  it('starts again from the whole grid when the stream reconnects, lighting what changed meanwhile', async () => {
    const stream = await openGrid()
    stream.send({ kind: 'grid', units: building() })
    await flushPromises()
    stream.drop()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(page.find('[data-testid="board-stale"]').exists()).toBe(true)

    // The browser's EventSource opens the connection again by itself; the server starts with the grid.
    const reopened = FakeEventSource.latest()
    reopened.connect()
    const signed = building().map((u) =>
      u.room === '101' ? { ...u, status: 'signed' as const, version: 4 } : u,
    )
    reopened.send({ kind: 'grid', units: signed.slice(2) })
    await flushPromises()
    expect(page.findAll('[data-testid="unit-cell"]')).toHaveLength(10)
    expect(cell('2单元', '101').get('[data-testid="unit-status"]').text()).toBe('已签约')
    expect(cell('2单元', '101').classes()).toContain('lit')
    expect(page.find('[data-testid="board-stale"]').exists()).toBe(false)
  })

  it('shows one building at a time and the next every 20 seconds', async () => {
    const stream = await openGrid()
    stream.send({ kind: 'grid', units: [...building('2栋'), ...building('1栋')] })
    await flushPromises()
    const shown = () => page.get('[data-testid="grid-building"]').text()
    expect(shown()).toBe('1栋')
    expect(page.text()).toContain('1 / 2')
    await pass(stream, BUILDING_CYCLE_MS)
    expect(shown()).toBe('2栋')
    expect(page.text()).toContain('2 / 2')
    await pass(stream, BUILDING_CYCLE_MS)
    expect(shown()).toBe('1栋')
  })

  it('brings up the building where a unit has just changed, for a full turn', async () => {
    const stream = await openGrid()
    stream.send({ kind: 'grid', units: [...building('1栋'), ...building('2栋'), ...building('3栋')] })
    await flushPromises()
    const shown = () => page.get('[data-testid="grid-building"]').text()
    expect(shown()).toBe('1栋')
    await pass(stream, 15_000)

    stream.send({ kind: 'units', units: [unit('3栋', '1单元', 3, 2, { status: 'subscribed', version: 1 })] })
    await flushPromises()
    expect(shown()).toBe('3栋')
    expect(cell('1单元', '302').get('[data-testid="unit-status"]').text()).toBe('已认购')
    expect(cell('1单元', '302').classes()).toContain('lit')
    // Not taken off again when the old turn would have ended.
    await pass(stream, 10_000)
    expect(shown()).toBe('3栋')
    await pass(stream, 10_000)
    expect(shown()).toBe('1栋')
  })

  it('asks for the one building its address names', async () => {
    const stream = await openGrid('2栋')
    expect(decodeURIComponent(stream.url)).toContain('"building":"2栋"')
  })

  it('speaks English when the board is set to English', async () => {
    setLocale('en')
    const stream = await openGrid()
    stream.send({ kind: 'grid', units: building() })
    await flushPromises()
    const top = cell('1单元', '301')
    expect(top.get('[data-testid="unit-status"]').text()).toBe('available')
    expect(top.text()).toContain('¥3.126M')
    expect(top.text()).toContain('89.32 m²')
    expect(page.get('[data-testid="presale-permit"]').text()).toBe('Pre-sale permit 深房许字（2026）001号')
    expect(page.get('[data-testid="grid-total"]').text()).toBe('12 units')
  })
})
