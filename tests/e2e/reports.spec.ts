import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { expect, signInAdmin, signInApi, test, trpc, type Board } from './fixtures'

interface Sheet {
  periods: Record<'day' | 'month', { traffic: { visits: number; calls: number } }>
  targets: { month: { completion: { visits: number | null } } | null }
}

/**
 * 日报: the director opens the day's report, sees the figures the server counted with the month's
 * completion drawn as a chart, exports it (the workbook read back holds the same figures) and prints
 * it on A4 landscape without the app's menus.
 */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

test('the daily report shows the server’s figures, draws its chart, exports and prints on A4 landscape', async ({
  page,
  request,
}) => {
  const projectId = await signInApi(request, 'director')
  const { date } = await trpc<Board>(request, 'GET', 'rotation.board', { projectId })
  // A desk call today, so the day has a figure of its own whatever ran before.
  await trpc(request, 'POST', 'reception.startCall', { projectId, phone: '13900000417' })
  await trpc(request, 'POST', 'targets.set', {
    projectId,
    month: date.slice(0, 7),
    visits: 40,
    subscriptions: 8,
    signings: 6,
    signingFen: 1_800_000_000,
    collectionFen: 900_000_000,
  })
  const sheet = await trpc<Sheet>(request, 'GET', 'reports.sheet', { projectId, date })
  expect(sheet.periods.day.traffic.calls).toBeGreaterThan(0)

  await signInAdmin(page, 'director')
  await page.getByRole('menuitem', { name: '日报' }).click()
  await expect(page).toHaveURL(/\/reports/)
  await expect(page.getByTestId('report-heading')).toContainText(date)
  const calls = page.getByTestId('report-line-calls')
  await expect(calls.locator('td').nth(1)).toHaveText(String(sheet.periods.day.traffic.calls))
  await expect(page.getByTestId('report-line-visits').locator('td').nth(3)).toHaveText(
    String(sheet.periods.month.traffic.visits),
  )
  await expect(page.getByTestId('report-formulas')).toContainText('来访 = 首访组数 + 复访组数')
  // The month's completion as bars, one per figure with a target, drawn in SVG.
  const chart = page.getByRole('img', { name: '本月各项指标完成率' })
  await expect(chart.locator('svg')).toBeVisible()
  await expect(chart.locator('svg text', { hasText: '净签约套数' })).toHaveCount(1)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-excel').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^销售日报-\d{4}-\d{2}-\d{2}-DEMO-\d{8}-\d{4}\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await readFile((await download.path())!))
  expect(workbook.worksheets.map((w) => w.name)).toEqual([
    '来电-来访',
    '认购 · 签约 · 退房',
    '回款（万元）',
    '指标完成',
    '当日成交明细',
    '剩余可售',
  ])
  const traffic = workbook.getWorksheet('来电-来访')!
  const callsRow = [...Array(traffic.rowCount).keys()]
    .map((i) => traffic.getRow(i + 1))
    .find((row) => row.getCell(1).value === '来电（组）')!
  expect(callsRow.getCell(2).value).toBe(sheet.periods.day.traffic.calls)
  expect(traffic.views[0]).toMatchObject({ state: 'frozen' })

  // Printed: the menus and buttons go, the tables stay, on A4 landscape pages.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.n-layout-sider')).toBeHidden()
  await expect(page.getByTestId('export-excel')).toBeHidden()
  await expect(page.getByTestId('report-deals')).toBeVisible()
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)
  expect(box, 'the PDF names its page size').toBeTruthy()
  const [width, height] = [Number(box![1]), Number(box![2])]
  // A4 is 595 × 842 points; landscape is the wider way round.
  expect(Math.round(width)).toBe(842)
  expect(Math.round(height)).toBe(595)
})

test('the director’s home shows the day live: a call taken elsewhere appears without a reload', async ({
  page,
  request,
}) => {
  const projectId = await signInApi(request, 'director')
  await signInAdmin(page, 'director')
  await expect(page.getByTestId('today-live')).toHaveText('实时')
  const calls = page.getByTestId('today-calls').locator('strong')
  const before = Number(await calls.textContent())
  await trpc(request, 'POST', 'reception.startCall', { projectId, phone: '13900000418' })
  await expect(calls).toHaveText(String(before + 1))
  await expect(page.getByTestId('today-badge-approvals')).toBeVisible()
})

test('the day’s report is prepared with a note, returned, prepared again, signed off and marked submitted', async ({
  page,
}) => {
  await signInAdmin(page, 'director')
  await page.goto('/reports')
  const panel = page.getByTestId('report-submission')
  await expect(panel).toContainText('这一天的日报还没有准备。')
  await panel.getByTestId('submission-comment').locator('textarea').fill('今日来电较多')
  await panel.getByTestId('submission-prepare').click()
  await expect(panel.getByTestId('submission-v1')).toContainText('待审核')
  await expect(panel.getByTestId('submission-v1')).toContainText('今日来电较多')
  // Returning without a note is refused with a sentence; with one it goes back.
  await panel.getByTestId('submission-return').click()
  await expect(page.getByText('退回日报时请写明需要修改什么。')).toBeVisible()
  await panel.getByTestId('submission-decision').locator('textarea').fill('请补充回款')
  await panel.getByTestId('submission-return').click()
  await expect(panel.getByTestId('submission-v1')).toContainText('已退回')
  await panel.getByTestId('submission-prepare').click()
  await expect(panel.getByTestId('submission-v2')).toContainText('待审核')
  await panel.getByTestId('submission-sign-off').click()
  await expect(panel.getByTestId('submission-v2')).toContainText('已审核')
  await panel.getByTestId('submission-submit').click()
  await expect(panel.getByTestId('submission-v2')).toContainText('已提交')
  // The first version downloads as it was prepared.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('submission-v1').getByRole('button', { name: '下载此版' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^销售日报-\d{4}-\d{2}-\d{2}-第1版-DEMO-/)
})
