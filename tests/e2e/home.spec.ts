import { expect, signInAdmin, signInApi, test, trpc } from './fixtures'

/**
 * Each role's home is its day: a consultant's standing and follow-ups, an assistant's list of what
 * is due, each read from the server.
 */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

test('a consultant’s home says where they stand in the rotation and what follow-ups are due, as the server has it', async ({
  page,
  request,
}) => {
  const projectId = await signInApi(request, 'c6')
  const mine = await trpc<{ signedIn: boolean; status: string | null }>(request, 'GET', 'rotation.mine', {
    projectId,
  })
  await signInAdmin(page, 'c6')
  const day = page.getByTestId('home-consultant-day')
  await expect(day).toContainText('我的今天')
  const state = day.getByTestId('day-state')
  if (mine.signedIn) await expect(state).not.toHaveText('未签到')
  else await expect(state).toHaveText('未签到')
  await expect(day).toContainText('今日应跟进')
})

test('an assistant’s home lists what is due today, each leading to its page', async ({ page, request }) => {
  const projectId = await signInApi(request, 'assistant')
  const team = await trpc<{ consultants: { closedAt: string | null }[] }>(request, 'GET', 'dayClose.team', {
    projectId,
  })
  const open = team.consultants.filter((c) => !c.closedAt).length
  await signInAdmin(page, 'assistant')
  await expect(page.getByTestId('due-day-close')).toContainText(
    `${open}/${team.consultants.length} 位顾问尚未日结`,
  )
  await page.getByTestId('due-report').getByRole('link').click()
  await expect(page).toHaveURL(/\/reports\?date=\d{4}-\d{2}-\d{2}/)
  await expect(page.getByTestId('report-heading')).toBeVisible()
})
