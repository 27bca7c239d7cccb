import { expect, signInAdmin, signInApi, test, trpc } from './fixtures'

/**
 * The price policy edited in the settings page is the one quotes are computed from: the manager adds
 * a 95 折 for floors 90–99 (no other spec's units stand that high), saves, and a unit on floor 95
 * is quoted at 95 % of its list price. The spec puts the policy back as it found it.
 */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

test('a discount added in the settings page prices the units it names', async ({ page, request }) => {
  const projectId = await signInApi(request, 'manager')
  const building = `P${Date.now() % 100_000}栋`
  await trpc(request, 'POST', 'units.import', {
    projectId,
    units: [
      {
        building,
        entrance: '1单元',
        floor: 95,
        room: '9501',
        layout: '两室',
        areaM2: 88,
        listPriceFen: 200_000_000,
      },
    ],
  })
  const [unit] = await trpc<{ unitId: string }[]>(request, 'GET', 'units.grid', { projectId, building })
  const before = await trpc<{ settings: { sales: { pricePolicy: unknown } } }>(
    request,
    'GET',
    'projects.get',
    { projectId },
  )

  await signInAdmin(page, 'manager')
  await page.goto('/settings')
  const editor = page.getByTestId('policy-editor')
  await editor.getByTestId('policy-add-discount').click()
  const rule = editor.locator('[data-testid^="policy-rule-"]').last()
  await rule.getByLabel('按百分之几计（98 即 98 折）').fill('95')
  await rule.getByLabel('起始楼层').fill('90')
  await rule.getByLabel('起始楼层').blur()
  await rule.getByLabel('截止楼层').fill('99')
  await rule.getByLabel('截止楼层').blur()
  await expect(rule.locator('.rule-words')).toContainText('95')
  await page.getByTestId('settings-save-rules').click()
  await expect(page.getByText('规则已保存。')).toBeVisible()

  await expect
    .poll(
      async () =>
        (
          await trpc<{ priceFen: number }>(request, 'GET', 'prices.quote', {
            unitId: unit!.unitId,
            paymentMethod: 'full',
          })
        ).priceFen,
    )
    .toBe(190_000_000)
  await trpc(request, 'POST', 'projects.updateSettings', {
    projectId,
    settings: { sales: { pricePolicy: before.settings.sales.pricePolicy } },
  })
})
