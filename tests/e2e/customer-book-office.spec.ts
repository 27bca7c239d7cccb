import type { Download, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import {
  expect,
  freshPhone,
  registerCustomer,
  signInAdmin,
  signInApi,
  test,
  trpc,
  watchPage,
} from './fixtures'

/**
 * The office's side of the customer book: the visit form filled on a phone, the day close and what
 * the assistant sees of it, an ad-hoc survey from the director's questions to its chart and file,
 * an old book imported from Excel, and a customer's personal data handed over and erased.
 *
 * The minimal seed has no customers: each test registers what it needs through the API.
 */

test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

/** Today (or `days` before) in the project's zone, `YYYY-MM-DD`. */
function shanghaiDate(daysBefore = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() - daysBefore * 86_400_000),
  )
}

/** A downloaded file's bytes, as exceljs takes them. */
async function fileBytes(download: Download): Promise<ArrayBuffer> {
  const bytes = await readFile((await download.path())!)
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

/** The rows of a downloaded .xlsx's first sheet (or the named one), each as its cells' text. */
async function sheetRows(download: Download, sheetName?: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await fileBytes(download))
  const sheet = sheetName ? workbook.getWorksheet(sheetName)! : workbook.worksheets[0]!
  const rows: string[][] = []
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))))
  })
  return rows
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent('download')
  await click()
  return download
}

/** An .xlsx made as an office would make it: the template's headings, then the rows. */
async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('客户')
  sheet.addRow(['姓名', '手机号', '等级', '归属顾问', '渠道', '最后联系日期', '备注'])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, 'page width on a 390 px phone').toBeLessThanOrEqual(390)
}

test.describe('a consultant on the phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('sees the visit not yet registered in the day close, fills the visit form in with taps, and closes the day', async ({
    page,
    request,
  }) => {
    // 刘洋 (c4) met a visitor of her own this morning and registered her with the number only.
    const projectId = await signInApi(request, 'c4')
    const { customerId } = await registerCustomer(request, projectId, freshPhone(), {
      kind: 'visit',
      surname: '周',
      title: '女士',
    })

    await signInAdmin(page, 'c4')
    await page.goto('/day-close')
    await expect(page.getByRole('heading', { name: '我的日结' })).toBeVisible()
    const unregistered = page.getByTestId('day-close-unregistered')
    await expect(unregistered).toContainText('来访未登记')
    await expect(unregistered).toContainText('周女士')
    await expect(page.getByTestId('day-close-ungraded')).toContainText('周女士')
    await expectNoSidewaysScroll(page)

    // The item leads straight to the visit form.
    await unregistered.getByTestId('day-close-item-unregistered').filter({ hasText: '周女士' }).tap()
    await expect(page).toHaveURL(new RegExp(`/customers/${customerId}/visit$`))
    await expect(page.getByTestId('visit-title')).toHaveText('来访登记 · 周女士')
    await expect(page.getByTestId('visit-missing')).toContainText('性别')
    const chip = page.getByTestId('visit-sex-female')
    expect((await chip.boundingBox())!.height, 'chips are finger-sized').toBeGreaterThanOrEqual(44)
    await expectNoSidewaysScroll(page)

    await chip.tap()
    await page.getByTestId('visit-visitKind-first').tap()
    await page.getByTestId('visit-company-family').tap()
    await page.getByTestId('visit-heardFrom-online').tap()
    await page.getByTestId('visit-heardFrom-referral').tap()
    await page.getByTestId('visit-text-homeArea').locator('input').fill('南山区')
    await page.getByTestId('visit-grade-B').tap()
    await expect(page.getByTestId('visit-missing')).not.toContainText('性别')
    await page.getByTestId('visit-save').tap()

    // Back on the day close: the visit is registered and graded now.
    await expect(page).toHaveURL(/\/day-close$/)
    await expect(page.locator('.n-message')).toContainText('已保存来访登记')
    await expect(page.getByTestId('day-close-unregistered')).toHaveCount(0)
    await expect(page.getByTestId('day-close-ungraded')).toHaveCount(0)

    await page.getByTestId('day-close-submit').tap()
    await expect(page.getByTestId('day-close-closed')).toContainText('已于')
    await expect(page.getByTestId('day-close-submit')).toHaveText('重新提交日结')

    // The customer's record says what she told us, in words.
    await page.goto(`/customers/${customerId}`)
    const first = page.getByTestId('customer-timeline').locator('li').first()
    await expect(first.getByTestId('activity-type')).toHaveText('问卷')
    await expect(first.getByTestId('activity-answers')).toContainText(
      '性别：女；来访类型：首访；同行人：家人；居住区域：南山区',
    )
    await expect(first.getByTestId('activity-answers')).toContainText('认知途径：网络、朋友介绍')
  })
})

test.describe('the office at the desk', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('the assistant sees who has closed the day, and every late entry, and exports them', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // 杨磊 (c6) closes his day; 陈静 (c5) logs yesterday's call today, and has not closed.
    const c6 = await playwright.request.newContext({ baseURL })
    const projectId = await signInApi(c6, 'c6')
    await trpc(c6, 'POST', 'dayClose.close', { projectId })
    await c6.dispose()
    const c5 = await playwright.request.newContext({ baseURL })
    await signInApi(c5, 'c5')
    const { customerId } = await registerCustomer(c5, projectId, freshPhone(), { fullName: '冯晓东' })
    await trpc(c5, 'POST', 'customers.followUp', {
      customerId,
      method: 'call',
      happenedAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
      note: '昨天电话回访，约周末看房',
    })
    await c5.dispose()

    await signInAdmin(page, 'assistant')
    await page.getByTestId('side-nav').getByTestId('nav-dayClose').click()
    await expect(page.getByRole('heading', { name: '日结与迟录' })).toBeVisible()
    const team = page.getByTestId('day-close-team')
    const c6Row = team.locator('[data-testid^="team-row-"]', { hasText: '杨磊' })
    await expect(c6Row.getByTestId('team-status')).toContainText('已日结')
    const c5Row = team.locator('[data-testid^="team-row-"]', { hasText: '陈静' })
    await expect(c5Row.getByTestId('team-status')).toHaveText('未日结')

    const late = page.getByTestId('late-entries').getByTestId('late-row').filter({ hasText: '冯晓东' })
    await expect(late).toContainText('陈静')
    await expect(late).toContainText('跟进')
    await expect(late).toContainText('昨天电话回访，约周末看房')

    const teamFile = await downloadOf(page, () => team.getByTestId('export-excel').click())
    expect(teamFile.suggestedFilename()).toMatch(/^团队日结-DEMO-\d{8}-\d{4}\.xlsx$/)
    const teamRows = await sheetRows(teamFile)
    expect(teamRows.find((r) => r[0] === '杨磊')?.[1]).toMatch(/^已日结 \d\d:\d\d$/)
    expect(teamRows.find((r) => r[0] === '陈静')?.[1]).toBe('未日结')

    const lateFile = await downloadOf(page, () =>
      page.getByTestId('late-entries').getByTestId('export-excel').click(),
    )
    const lateRows = await sheetRows(lateFile)
    expect(lateRows.find((r) => r.includes('冯晓东'))).toEqual(
      expect.arrayContaining(['跟进', '冯晓东', '陈静', '昨天电话回访，约周末看房']),
    )
  })

  test('the director writes a survey, a consultant fills it in with a customer, and the results count, chart and export it', async ({
    page,
    browser,
    baseURL,
    playwright,
  }) => {
    await signInAdmin(page, 'director')
    await page.getByTestId('side-nav').getByTestId('nav-surveys').click()
    await page.getByTestId('survey-create').click()
    const dialog = page.getByTestId('survey-create-dialog')
    const title = `购房意向调查 ${Date.now() % 100_000}`
    await dialog.getByTestId('survey-title').locator('input').fill(title)
    await dialog.getByTestId('survey-text-1').locator('input').fill('意向户型')
    await dialog.getByTestId('survey-options-1').locator('textarea').fill('两居\n三居\n四居')
    await dialog.getByTestId('survey-add-question').click()
    await dialog.getByTestId('survey-kind-2').click()
    await page.locator('.n-base-select-option', { hasText: '打分' }).click()
    await dialog.getByTestId('survey-text-2').locator('input').fill('对样板间的满意度')
    await dialog.getByTestId('survey-create-submit').click()
    await expect(page.getByTestId('results-title')).toHaveText(title)
    const surveyId = page.url().split('/').pop()!

    // 张伟 (c1) answers it for two customers; a third he fills in on his phone with the customer.
    const c1 = await playwright.request.newContext({ baseURL })
    const projectId = await signInApi(c1, 'c1')
    for (const answers of [
      [1, 4],
      [1, 5],
    ]) {
      const { customerId } = await registerCustomer(c1, projectId, freshPhone())
      await trpc(c1, 'POST', 'surveys.answer', { surveyId, customerId, answers })
    }
    const { customerId } = await registerCustomer(c1, projectId, freshPhone(), {
      surname: '韩',
      title: '先生',
    })
    await c1.dispose()

    const phone = await browser.newContext({
      baseURL,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    })
    const consultant = await phone.newPage()
    const watched = await watchPage(consultant)
    watched.allowFailedRequest('auth.me')
    await signInAdmin(consultant, 'c1')
    await consultant.goto(`/customers/${customerId}`)
    await consultant.getByTestId('customer-survey').tap()
    const fill = consultant.getByTestId('survey-fill-dialog')
    // More than one survey may be running: pick this one.
    const choose = fill.getByTestId(`survey-choose-${surveyId}`)
    if (await choose.isVisible()) await choose.tap()
    await fill.getByTestId('fill-1-0').tap()
    await fill.getByTestId('fill-2-3').tap()
    await fill.getByTestId('survey-fill-submit').tap()
    await expect(fill).toHaveCount(0)
    await expect(consultant.locator('.n-message')).toContainText(`已保存“${title}”的答卷`)
    expect(watched.problems).toEqual([])
    await phone.close()

    await page.reload()
    await expect(page.getByTestId('results-summary')).toContainText('共 3 份答卷')
    const q1 = page.getByTestId('results-question-1')
    await expect(q1.getByTestId('results-answered')).toHaveText('3 人作答')
    await expect(q1.getByTestId('results-row')).toHaveText([
      /两居\s*1\s*33\.3%/,
      /三居\s*2\s*66\.7%/,
      /四居\s*0\s*0%/,
    ])
    await expect(q1.locator('svg').first()).toBeVisible()
    const q2 = page.getByTestId('results-question-2')
    await expect(q2.getByTestId('results-row').filter({ hasText: '平均分' })).toContainText('4')
    await expect(q2.locator('svg').first()).toBeVisible()

    const file = await downloadOf(page, () => page.getByTestId('export-excel').click())
    const rows = await sheetRows(file)
    expect(rows).toContainEqual(['1', '意向户型', '三居', '2', '66.7%'])
    expect(rows).toContainEqual(['2', '对样板间的满意度', '平均分', '4', ''])
  })

  test('the assistant imports an old book from Excel: the template, row errors shown and nothing written, then a clean file written after confirming', async ({
    page,
    request,
  }) => {
    await signInAdmin(page, 'assistant')
    await page.goto('/customers')
    await page.getByTestId('customers-import').click()
    await expect(page.getByRole('heading', { name: '导入客户' })).toBeVisible()

    const template = await downloadOf(page, () => page.getByTestId('import-template').click())
    expect(template.suggestedFilename()).toBe('客户导入模板.xlsx')
    expect((await sheetRows(template))[0]).toEqual([
      '姓名',
      '手机号',
      '等级',
      '归属顾问',
      '渠道',
      '最后联系日期',
      '备注',
    ])

    const repeated = freshPhone()
    await page.getByTestId('import-file').setInputFiles({
      name: '老客户-有错.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([
        ['孙一', repeated, 'A', '张伟', '自然来访', shanghaiDate(3), null],
        ['孙二', '12345', 'B', null, null, null, null],
        ['孙三', freshPhone(), 'B', '不存在的人', null, shanghaiDate(3), null],
        ['孙四', repeated, 'C', null, null, null, null],
      ]),
    })
    const errors = page.getByTestId('import-errors')
    await expect(errors).toContainText('有错误的行（3）')
    await expect(errors.getByTestId('import-error-row')).toHaveText([
      /3\s*手机号\s*手机号不是 11 位大陆手机号/,
      /4\s*归属顾问\s*不是本项目在职的置业顾问/,
      /5\s*手机号\s*与第 2 行的手机号重复/,
    ])
    await expect(page.getByTestId('import-counts')).toContainText('有错误 3 行')
    await expect(page.getByTestId('import-commit')).toBeDisabled()
    const errorFile = await downloadOf(page, () => errors.getByTestId('export-excel').click())
    expect(await sheetRows(errorFile)).toContainEqual(['3', '手机号', '手机号不是 11 位大陆手机号'])
    await page.getByTestId('import-cancel').click()
    await expect(page.getByTestId('import-checked')).toHaveCount(0)

    const owned = freshPhone()
    const pooled = freshPhone()
    await page.getByTestId('import-file').setInputFiles({
      name: '老客户.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([
        ['钱多多', owned, 'A', '张伟', '自然来访', shanghaiDate(3), '看过 3 号楼'],
        ['钱少少', pooled, 'C', null, null, '2020-05-01', null],
      ]),
    })
    await expect(page.getByTestId('import-counts')).toHaveText(
      '可导入 2 行（保留归属顾问 1 位，进入公客池 1 位），有错误 0 行。',
    )
    const preview = page.getByTestId('import-preview').getByTestId('import-preview-row')
    await expect(preview.filter({ hasText: '钱多多' })).toContainText('张伟')
    await expect(preview.filter({ hasText: '钱少少' })).toContainText('公客池')
    await page.getByTestId('import-commit').click()
    await expect(page.getByTestId('import-done')).toContainText(
      '已导入 2 位客户：1 位保留归属顾问，1 位进入公客池。',
    )

    const projectId = await signInApi(request, 'manager')
    const found = await trpc<{ name: string; ownerId: string | null }[]>(request, 'GET', 'customers.search', {
      projectId,
      q: owned,
    })
    expect(found).toHaveLength(1)
    expect(found[0]!.ownerId).not.toBeNull()
  })

  test('a manager hands a customer their personal data and erases it on request', async ({
    page,
    playwright,
    baseURL,
    allowFailedRequest,
  }) => {
    allowFailedRequest('customers.erase')
    const c2 = await playwright.request.newContext({ baseURL })
    const projectId = await signInApi(c2, 'c2')
    const phone = freshPhone()
    const { customerId } = await registerCustomer(c2, projectId, phone, {
      fullName: '蒋文华',
      note: '想要南北通透的三居',
    })
    await c2.dispose()

    await signInAdmin(page, 'manager')
    await page.goto(`/customers/${customerId}`)
    const card = page.getByTestId('personal-data')

    const json = await downloadOf(page, () => card.getByTestId('personal-export-json').click())
    expect(json.suggestedFilename()).toMatch(/^个人信息-蒋文华-\d{8}-\d{4}\.json$/)
    const held = JSON.parse(await readFile((await json.path())!, 'utf8'))
    expect(held.customer.phones).toEqual([phone])
    expect(held.activities[0].note).toBe('想要南北通透的三居')

    const file = await downloadOf(page, () => card.getByTestId('personal-export-xlsx').click())
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await fileBytes(file))
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '客户资料',
      '到访记录',
      '接待记录',
      '跟进与登记',
      '渠道报备',
      '问卷',
      '撞单',
    ])
    expect(await sheetRows(file, '客户资料')).toContainEqual(['手机号', phone])

    await card.getByTestId('personal-erase').click()
    const dialog = page.getByTestId('erase-dialog')
    await expect(dialog).toContainText('将删除')
    await expect(dialog).toContainText('将保留')
    await dialog.getByTestId('erase-submit').click()
    await expect(dialog.getByTestId('erase-error')).toContainText('原因')
    await dialog.getByTestId('erase-reason').locator('textarea').fill('客户本人来电要求删除')
    await dialog.getByTestId('erase-submit').click()
    await expect(dialog).toHaveCount(0)
    await expect(page.getByText('这位客户已按本人要求删除个人资料')).toBeVisible()
    await expect(page.getByTestId('customer-record')).not.toContainText(phone)
    await expect(page.getByTestId('customer-record')).not.toContainText('蒋文华')
    await expect(card.getByTestId('personal-erase')).toHaveCount(0)
  })
})
