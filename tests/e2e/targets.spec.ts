import { expect, signInAdmin, signInApi, test, trpc } from './fixtures'

/**
 * 指标: the director sets a month's project target in the admin, money typed in 万元, and the table
 * shows it beside what was done with the completion rate; the server keeps the amount as exact fen.
 * A month far ahead keeps this test's target apart from any other spec's figures.
 */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

test('the director sets a month’s target in 万元 and reads its completion', async ({ page, request }) => {
  const month = '2031-07'
  await signInAdmin(page, 'director')
  await page.goto(`/targets?month=${month}`)
  const projectRow = page.getByTestId('target-row-project')
  await projectRow.getByTestId('target-edit').click()

  await page.getByTestId('target-visits').locator('input').fill('20')
  await page.getByTestId('target-subscriptions').locator('input').fill('10')
  await page.getByTestId('target-signings').locator('input').fill('8')
  await page.getByTestId('target-signingFen').locator('input').fill('2000.5')
  await page.getByTestId('target-collectionFen').locator('input').fill('1500')
  // The dialog's title is a heading with a level, as every card title in the app (axe: aria-required-attr).
  await expect(page.locator('[role="heading"]:not([aria-level])')).toHaveCount(0)
  await page.getByTestId('target-submit').click()

  await expect(projectRow).toContainText('2,000.50')
  await expect(projectRow).toContainText('0.0%')

  const projectId = await signInApi(request, 'director')
  const progress = await trpc<{ project: { target: { signingFen: number; collectionFen: number } | null } }>(
    request,
    'GET',
    'targets.progress',
    { projectId, month },
  )
  expect(progress.project.target).toMatchObject({ signingFen: 2_000_500_000, collectionFen: 1_500_000_000 })
})
