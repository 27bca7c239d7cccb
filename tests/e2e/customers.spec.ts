import type { Page } from '@playwright/test'
import {
  call,
  expect,
  freshPhone,
  PASSWORD,
  registerCustomer,
  signInAdmin,
  signInApi,
  test,
  trpc,
} from './fixtures'

/**
 * The customer book as consultants and managers work it: a consultant logs a follow-up on their
 * phone at the door in three taps, a number another consultant protects is refused with the
 * owner named masked, the manager rules on the 撞单, and a partner agency sees only its reports.
 *
 * The minimal seed has no customers: each test registers the numbers it needs through the API.
 */

/** Anyone arriving signed out asks the server who they are and is told: nobody yet. */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

interface CustomerRecord {
  protectionEndsAt: string | null
  activities: { type: string; method: string | null; note: string | null; late: boolean }[]
}

/** `2026-03-01 14:05` in the project's zone, as the app writes times. */
function shanghaiTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** Nothing on the page is wider than the phone: the essentials need no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, 'page width on a 390 px phone').toBeLessThanOrEqual(390)
}

test.describe('a consultant on the phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('logs a follow-up in three taps and sees it at the top of the timeline, with protection renewed', async ({
    page,
    request,
  }) => {
    // 王芳 (c3) registered a caller of her own this morning.
    const projectId = await signInApi(request, 'c3')
    const phone = freshPhone()
    const { customerId } = await registerCustomer(request, projectId, phone, {
      surname: '赵',
      title: '女士',
      grade: 'B',
      note: '来电咨询三居',
    })
    const before = await trpc<CustomerRecord>(request, 'GET', 'customers.get', { customerId })

    await signInAdmin(page, 'c3')
    await page.goto(`/customers/${customerId}`)
    await expect(page.getByTestId('customer-name')).toHaveText('赵女士')
    // Her own customer: the number in full, one tap to call.
    await expect(page.getByTestId('customer-tel')).toHaveAttribute('href', `tel:${phone}`)
    await expect(page.getByTestId('customer-timeline').locator('li')).toHaveCount(1)
    const save = page.getByTestId('followup-save')
    await expect(save).toBeDisabled()
    await expectNoSidewaysScroll(page)

    // Three taps: a method, a ready-made note, save (the time it takes is the benchmarks' business).
    await page.getByTestId('followup-method-wechat').tap()
    await page.getByTestId('followup-quick-sentInfo').tap()
    await save.tap()
    const first = page.getByTestId('customer-timeline').locator('li').first()
    await expect(first.getByTestId('activity-type')).toHaveText('跟进 · 微信')
    await expect(first.getByTestId('activity-note')).toHaveText('已发户型和价格')
    await expect(first.getByTestId('activity-late')).toHaveCount(0)
    await expect(page.getByTestId('customer-timeline').locator('li')).toHaveCount(2)

    const buttonBox = await page.getByTestId('followup-method-call').boundingBox()
    expect(buttonBox!.height, 'method buttons are finger-sized').toBeGreaterThanOrEqual(44)

    // The server has it, protection runs from the follow-up, and the page shows the new end.
    const after = await trpc<CustomerRecord>(request, 'GET', 'customers.get', { customerId })
    expect(after.activities[0]).toMatchObject({
      type: 'follow_up',
      method: 'wechat',
      note: '已发户型和价格',
      late: false,
    })
    expect(Date.parse(after.protectionEndsAt!)).toBeGreaterThan(Date.parse(before.protectionEndsAt!))
    await expect(page.getByTestId('customer-protection')).toContainText(shanghaiTime(after.protectionEndsAt!))
    // The form is ready for the next one.
    await expect(save).toBeDisabled()
  })

  test('registering a number another consultant protects shows the refusal naming the owner masked', async ({
    page,
    request,
    playwright,
    baseURL,
    allowFailedRequest,
  }) => {
    allowFailedRequest('customers.register')
    // 张伟 (c1) registered the caller first.
    const c1 = await playwright.request.newContext({ baseURL })
    const projectId = await signInApi(c1, 'c1')
    const phone = freshPhone()
    await registerCustomer(c1, projectId, phone, { surname: '钱', title: '先生' })
    await c1.dispose()

    // 李娜 (c2) meets the same customer and tries to register them.
    await signInAdmin(page, 'c2')
    await page.goto('/customers')
    await expect(page.getByTestId('customers-tab-mine')).toBeVisible()
    await expect(page.getByTestId('customers-table')).toBeVisible()
    await expectNoSidewaysScroll(page)
    await page.getByTestId('customers-register').tap()
    const dialog = page.getByTestId('register-dialog')
    await dialog.getByTestId('register-kind-visit').tap()
    await dialog.getByTestId('register-phone').locator('input').fill(phone)
    await dialog.getByTestId('register-submit').tap()
    await expect(dialog.getByTestId('register-error')).toHaveText(
      '这位客户由 张* 负责，仍在保护期内，不能登记为你的客户。已记为撞单，请等待经理处理。',
    )
    // Still open, the number as typed, for her to close or correct.
    await expect(dialog.getByTestId('register-phone').locator('input')).toHaveValue(phone)

    // The manager has the 撞单 to rule on.
    const projectOfManager = await signInApi(request, 'manager')
    const open = await trpc<{ phone: string; claimantName: string; ownerName: string; status: string }[]>(
      request,
      'GET',
      'customers.conflicts',
      { projectId: projectOfManager, status: 'open' },
    )
    expect(open.find((c) => c.phone === `${phone.slice(0, 3)}****${phone.slice(7)}`)).toMatchObject({
      claimantName: '李娜',
      ownerName: '张伟',
    })
  })
})

test.describe('the owner at the desk', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('adds the customer’s other number and tags; a number another customer has is refused in words', async ({
    page,
    request,
    allowFailedRequest,
  }) => {
    allowFailedRequest('customers.update')
    const projectId = await signInApi(request, 'c4')
    const phone = freshPhone()
    const other = freshPhone()
    const taken = freshPhone()
    const { customerId } = await registerCustomer(request, projectId, phone, { surname: '孙', title: '先生' })
    await registerCustomer(request, projectId, taken)

    await signInAdmin(page, 'c4')
    await page.goto(`/customers/${customerId}`)
    await page.getByTestId('customer-edit').click()
    const dialog = page.getByTestId('customer-edit-dialog')
    await dialog.getByTestId('customer-edit-full-name').locator('input').fill('孙志强')
    for (const [field, value] of [
      ['customer-edit-phones', taken],
      ['customer-edit-tags', '学区房'],
    ] as const) {
      await dialog.getByTestId(field).getByRole('button').click()
      await dialog.getByTestId(field).locator('input').fill(value)
      await dialog.getByTestId(field).locator('input').press('Enter')
    }
    await dialog.getByTestId('customer-edit-submit').click()
    await expect(dialog.getByTestId('customer-edit-error')).toHaveText(
      `号码 ${taken.slice(0, 3)}****${taken.slice(7)} 已是本项目另一位客户的号码，一个号码只能属于一位客户。`,
    )

    // The right number instead: saved, shown on the record, and a search by it finds the customer.
    await dialog.getByTestId('customer-edit-phones').locator('.n-tag__close').first().click()
    await dialog.getByTestId('customer-edit-phones').getByRole('button').click()
    await dialog.getByTestId('customer-edit-phones').locator('input').fill(other)
    await dialog.getByTestId('customer-edit-phones').locator('input').press('Enter')
    await dialog.getByTestId('customer-edit-submit').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('customer-name')).toHaveText('孙志强')
    await expect(page.getByTestId('customer-record')).toContainText(other)
    await expect(page.getByTestId('customer-record')).toContainText('学区房')
    const found = await trpc<{ id: string }[]>(request, 'GET', 'customers.search', { projectId, q: other })
    expect(found.map((c) => c.id)).toEqual([customerId])
  })
})

test.describe('a manager at the desk', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('keeps a 撞单 with the owner, with a reason the server insists on, and finds it among the resolved', async ({
    page,
    playwright,
    baseURL,
    allowFailedRequest,
  }) => {
    allowFailedRequest('customers.resolveConflict')
    const c1 = await playwright.request.newContext({ baseURL })
    const projectId = await signInApi(c1, 'c1')
    const phone = freshPhone()
    await registerCustomer(c1, projectId, phone, { fullName: '孙丽' })
    await c1.dispose()
    const c2 = await playwright.request.newContext({ baseURL })
    await signInApi(c2, 'c2')
    const refused = await call(c2, 'POST', 'customers.register', { projectId, phone, kind: 'call' })
    expect(refused.error?.data.code).toBe('CONFLICT')
    await c2.dispose()

    await signInAdmin(page, 'manager')
    await page.getByTestId('side-nav').getByTestId('nav-conflicts').click()
    await expect(page).toHaveURL(/\/conflicts$/)
    const row = page.locator('[data-testid^="conflict-row-"]', { hasText: '孙丽' })
    await expect(row).toContainText('李娜')
    await expect(row).toContainText('张伟')
    await row.locator('[data-testid^="conflict-resolve-"]').click()

    const dialog = page.getByTestId('conflict-dialog')
    await dialog.getByTestId('conflict-side-owner').click()
    await dialog.getByTestId('conflict-submit').click()
    // The server's sentence names the field it wants.
    await expect(dialog.getByTestId('conflict-error')).toContainText('原因')
    await dialog.getByTestId('conflict-reason').locator('textarea').fill('张伟上周已带客户看过样板间')
    await dialog.getByTestId('conflict-submit').click()
    await expect(dialog).toHaveCount(0)
    await expect(page.locator('[data-testid^="conflict-row-"]', { hasText: '孙丽' })).toHaveCount(0)

    await page.getByTestId('conflicts-tab-resolved').click()
    const resolved = page.locator('[data-testid^="conflict-row-"]', { hasText: '孙丽' })
    await expect(resolved).toContainText('张伟上周已带客户看过样板间')
    await expect(resolved).toContainText('吴敏')
  })
})

test.describe('a channel partner', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('sees only home and its channel reports, and reports a customer', async ({ page, request }) => {
    const projectId = await signInApi(request, 'manager')
    const username = `e2e.agent${Date.now() % 1_000_000}`
    await trpc(request, 'POST', 'staff.create', {
      username,
      name: '赵经纪',
      role: 'channel',
      password: PASSWORD,
      projectIds: [projectId],
      agency: '安居地产',
    })

    await signInAdmin(page, username)
    await page.getByTestId('nav-toggle').tap()
    const drawer = page.getByTestId('drawer-nav')
    await expect(drawer.locator('[data-testid^="nav-"]')).toHaveCount(2)
    await expect(drawer.getByTestId('nav-home')).toBeVisible()
    await drawer.getByTestId('nav-channelReports').tap()
    await expect(page).toHaveURL(/\/channel-reports$/)
    // The office's front-desk phone is not the partner's.
    await expect(page.getByTestId('call-open')).toHaveCount(0)

    const phone = freshPhone()
    await page.getByTestId('report-phone').locator('input').fill(phone)
    await page.getByTestId('report-channel').locator('input').fill('中介渠道')
    await page.getByTestId('report-agent-name').locator('input').fill('赵经纪')
    // On a loaded machine the form may still be taking the typing in: send only what was typed.
    await expect(page.getByTestId('report-phone').locator('input')).toHaveValue(phone)
    await expect(page.getByTestId('report-submit')).toBeEnabled()
    await page.getByTestId('report-submit').tap()
    const table = page.getByTestId('reports-table')
    const row = table.locator('[data-testid^="report-row-"]', { hasText: phone })
    await expect(row).toBeVisible()
    await expect(row.getByTestId('report-status')).toHaveText('报备有效')
    await expectNoSidewaysScroll(page)

    // The customer book stays closed to a partner.
    await page.goto('/customers')
    await expect(page.getByTestId('page-denied')).toBeVisible()
  })
})
