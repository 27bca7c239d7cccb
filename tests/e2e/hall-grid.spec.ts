import type { Locator, Page } from '@playwright/test'
import { expect, PROJECT_NAME, signInApi, test, trpc } from './fixtures'

/**
 * The sales hall's big screen of the unit grid (销控大屏): a board paired by the manager, opened at
 * /board/units, shows a building the office has just imported, every unit 待售, and turns a cell to
 * 保留 the moment a manager holds that unit, without a reload.
 *
 * Other specs share the server, so the building has a name of its own and the screen is pinned to
 * it (`?building=`), as a hall with one screen per tower would be set up.
 */

interface GridUnit {
  unitId: string
  building: string
  entrance: string
  room: string
  status: string
}

const ENTRANCES = ['1单元', '2单元']

/** 1 building × 2 entrances × 3 floors × 2 rooms: 101 … 302 in each entrance. */
function smallBuilding(building: string) {
  return ENTRANCES.flatMap((entrance) =>
    [1, 2, 3].flatMap((floor) =>
      [1, 2].map((n) => ({
        building,
        entrance,
        floor,
        room: `${floor}0${n}`,
        layout: '两室两厅一卫',
        areaM2: 89.32,
        listPriceFen: 312_600_000,
        product: 'residential',
        orientation: '南',
      })),
    ),
  )
}

function cell(page: Page, entrance: string, room: string): Locator {
  return page
    .getByRole('table', { name: entrance })
    .getByTestId('unit-cell')
    .filter({ has: page.getByTestId('unit-room').getByText(room, { exact: true }) })
}

const fontSize = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

test.describe('hall screen on a 1920×1080 wall', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('shows a new building all 待售, and a unit the manager holds turns 保留 live', async ({
    page,
    request,
  }) => {
    const projectId = await signInApi(request, 'manager')
    const building = `验收${Date.now() % 1_000_000}栋`
    await trpc(request, 'POST', 'units.import', { projectId, units: smallBuilding(building) })
    const { token } = await trpc<{ token: string }>(request, 'POST', 'devices.pair', {
      projectId,
      kind: 'board',
      name: `销控大屏${Date.now() % 100_000}`,
    })

    // The token sits where pairing by code would have put it (pairing.spec covers the keypad).
    await page
      .context()
      .addInitScript(([key, value]) => localStorage.setItem(key!, value!), ['anchang.board.token', token])
    await page.goto(`/board/units?building=${encodeURIComponent(building)}`)

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(building)
    await expect(page.getByTestId('project-name')).toHaveText(PROJECT_NAME)
    await expect(page.getByTestId('board-connection')).toHaveText('已连接')
    for (const entrance of ENTRANCES) {
      const cells = page.getByRole('table', { name: entrance }).getByTestId('unit-cell')
      await expect(cells).toHaveCount(6)
      await expect(cells.getByTestId('unit-status')).toHaveText(Array(6).fill('待售'))
    }
    await expect(cell(page, '1单元', '301')).toContainText('89.32m²')
    await expect(cell(page, '1单元', '301')).toContainText('312.6万')
    const legend = page.getByTestId('grid-legend')
    await expect(legend.locator('[data-status="available"]')).toHaveText(/待售\s*12/)
    await expect(legend.locator('[data-status="held"]')).toHaveText(/保留\s*0/)

    // Read from several metres: the building 96 px, the legend and a cell's words 28 px and up.
    expect(await fontSize(page.getByRole('heading', { level: 1 }))).toBeGreaterThanOrEqual(90)
    expect(await fontSize(legend)).toBeGreaterThanOrEqual(28)
    const status = cell(page, '2单元', '201').getByTestId('unit-status')
    expect((await status.boundingBox())!.height).toBeGreaterThanOrEqual(28)

    const grid = await trpc<GridUnit[]>(request, 'GET', 'units.grid', { projectId, building })
    const unit = grid.find((u) => u.entrance === '2单元' && u.room === '201')!
    await trpc(request, 'POST', 'units.setStatus', {
      unitId: unit.unitId,
      action: 'hold',
      reason: '客户预留，等待认购',
    })

    await expect(status).toHaveText('保留')
    await expect(cell(page, '1单元', '201').getByTestId('unit-status')).toHaveText('待售')
    await expect(legend.locator('[data-status="held"]')).toHaveText(/保留\s*1/)
    await expect(legend.locator('[data-status="available"]')).toHaveText(/待售\s*11/)
  })
})
