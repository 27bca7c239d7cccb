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
 * From unit to money in the admin app: a consultant subscribes a unit on the grid while the manager
 * watches the same grid in another browser, and sees the cell turn 已认购 without reloading; the
 * consultant signs with the project's payment-plan template, and the assistant records the deposit
 * and prints its receipt, the amount in words and in figures.
 *
 * The minimal seed has no units: the manager imports a small building of this test's own through
 * the API (a name no other spec uses), and 张伟 (c1) registers the customer he will sell to.
 */

/** Anyone arriving signed out asks the server who they are and is told: nobody yet. */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

test('a subscription shows on another screen’s grid live, then is signed, paid and receipted', async ({
  page,
  request,
  playwright,
  browser,
  baseURL,
}) => {
  // A building of 2 entrances × 3 floors × 2 rooms, named for this run.
  const building = `E2E${Date.now() % 100_000}栋`
  const projectId = await signInApi(request, 'manager')
  const units = ['1单元', '2单元'].flatMap((entrance) =>
    [1, 2, 3].flatMap((floor) =>
      [1, 2].map((n) => ({
        building,
        entrance,
        floor,
        room: `${floor}0${n}`,
        layout: n === 1 ? '三室两厅' : '两室两厅',
        areaM2: n === 1 ? 89.57 : 76.32,
        listPriceFen: 250_000_000 + floor * 1_000_000,
      })),
    ),
  )
  expect(await trpc(request, 'POST', 'units.import', { projectId, units })).toEqual({ created: 12 })

  const c1 = await playwright.request.newContext({ baseURL })
  await signInApi(c1, 'c1')
  const phone = freshPhone()
  await registerCustomer(c1, projectId, phone, { surname: '钱', title: '先生', grade: 'A' })
  await c1.dispose()

  // The manager keeps the grid open at the desk, in a browser of his own.
  const desk = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })
  const manager = await desk.newPage()
  const watched = await watchPage(manager)
  watched.allowFailedRequest('auth.me')
  await signInAdmin(manager, 'manager')
  await manager.goto(`/units?building=${encodeURIComponent(building)}`)
  const unit = `${building}-1单元-201`
  const watchedCell = manager.locator(`[data-testid="unit-cell"][data-unit="${unit}"]`)
  await expect(watchedCell).toHaveAttribute('data-status', 'available')
  await expect(watchedCell.getByTestId('unit-cell-status')).toHaveText('待售')
  await expect(manager.getByTestId('units-live')).toHaveText('实时更新中')
  await expect(manager.getByTestId('units-legend-available')).toContainText('待售 12 套')

  // 张伟 opens the same grid and the unit's panel.
  await signInAdmin(page, 'c1')
  await page.goto(`/units?building=${encodeURIComponent(building)}`)
  await expect(page.getByTestId('units-title')).toHaveText(`${building} 销控表`)
  await page.locator(`[data-testid="unit-cell"][data-unit="${unit}"]`).click()
  const drawer = page.getByTestId('unit-drawer')
  await expect(drawer.getByTestId('unit-status')).toHaveText('待售')
  // Holding a unit is the managers' to do, not his.
  await expect(drawer.getByTestId('unit-action-hold')).toHaveCount(0)
  await drawer.getByTestId('unit-subscribe').click()

  // He subscribes it for his customer at the lowest price the policy allows, which the dialog offers.
  const dialog = page.getByTestId('subscribe-dialog')
  await dialog.getByTestId('subscribe-customer').click()
  await page.keyboard.type(phone)
  await page.locator('.n-base-select-option').filter({ hasText: phone }).click()
  await expect(dialog.getByTestId('subscribe-quote-price')).toHaveText(
    '底价（无需审批的最低价）：¥2,520,000.00',
  )
  await expect(dialog.getByTestId('subscribe-price').locator('input')).toHaveValue('2520000')
  await expect(dialog.getByTestId('subscribe-below')).toHaveCount(0)
  await dialog.getByTestId('subscribe-deposit').locator('input').fill('5000')
  await dialog.getByTestId('subscribe-submit').click()

  // The manager's grid turns the cell 已认购 by itself: nobody reloaded that page.
  await expect(watchedCell).toHaveAttribute('data-status', 'subscribed')
  await expect(watchedCell.getByTestId('unit-cell-status')).toHaveText('已认购')
  await expect(manager.getByTestId('units-legend-subscribed')).toContainText('已认购 1 套')

  // 张伟 lands on the deal and signs it with the mortgage template, which adds up to the price.
  await expect(page.getByTestId('deal-title')).toHaveText(`成交：${unit}`)
  await expect(page.getByTestId('deal-status')).toHaveText('已认购')
  const sign = page.getByTestId('sign-form')
  await expect(sign.getByTestId('sign-row')).toHaveCount(2)
  await expect(sign.getByTestId('sign-balance')).toHaveText('与成交价一致。')
  // A row changed by hand no longer adds up, and the form says by how much before anything is sent.
  const amount = sign.getByTestId('sign-row-amount').first().locator('input')
  const planned = await amount.inputValue()
  await amount.fill(String(Number(planned) - 100))
  await expect(sign.getByTestId('sign-balance')).toHaveText('比成交价少 ¥100.00，请调整。')
  await expect(sign.getByTestId('sign-submit')).toBeDisabled()
  await amount.fill(planned)
  const contractNo = `HT-${building}`
  await sign.getByTestId('sign-contract').locator('input').fill(contractNo)
  await sign.getByTestId('sign-submit').click()
  await expect(page.getByTestId('deal-status')).toHaveText('已签约')
  await expect(page.getByTestId('deal-contract')).toHaveText(contractNo)
  await expect(page.getByTestId('deal-schedule-row')).toHaveCount(2)
  await expect(watchedCell).toHaveAttribute('data-status', 'signed')
  const dealUrl = new URL(page.url()).pathname

  // 王芳 the assistant records the deposit at the office and prints its receipt.
  const office = await browser.newContext({ baseURL })
  const assistant = await office.newPage()
  const watchedOffice = await watchPage(assistant)
  watchedOffice.allowFailedRequest('auth.me')
  await signInAdmin(assistant, 'assistant')
  await assistant.goto(dealUrl)
  const payments = assistant.getByTestId('deal-payments')
  await expect(payments.getByTestId('payment-kind-deposit').locator('input')).toBeChecked()
  await expect(payments.getByTestId('payment-amount').locator('input')).toHaveValue('5000')
  await payments.getByTestId('payment-submit').click()
  await expect(payments.getByTestId('payment-status')).toHaveText('有效')
  await expect(assistant.getByTestId('deal-paid')).toHaveText('¥5,000.00')
  await payments.getByTestId('payment-receipt').click()

  const receipt = assistant.getByTestId('receipt')
  await expect(receipt.getByTestId('receipt-copy-stub')).toBeVisible()
  await expect(receipt.getByTestId('receipt-copy-accounts')).toBeVisible()
  const customerCopy = receipt.getByTestId('receipt-copy-customer')
  await expect(customerCopy).toContainText('客户联')
  await expect(customerCopy.getByTestId('receipt-amount')).toHaveText('人民币伍仟元整（¥5,000.00）')
  await expect(customerCopy.getByTestId('receipt-kind')).toHaveText('定金')
  await expect(customerCopy.getByTestId('receipt-unit')).toHaveText(unit)
  await expect(customerCopy.getByTestId('receipt-payer')).toHaveText('钱先生')
  await expect(receipt.getByTestId('receipt-void')).toHaveCount(0)

  expect(watched.problems, 'the manager’s grid').toEqual([])
  expect(watchedOffice.problems, 'the assistant’s pages').toEqual([])
  await desk.close()
  await office.close()
})
