import type { Page } from '@playwright/test'
import { expect, PASSWORD, PROJECT_NAME, test } from './fixtures'

/**
 * The admin app as the sales office uses it: the demo manager runs the team and the devices, a new
 * consultant signs in, and everything reads in Chinese first, English on request.
 */

/** Anyone arriving signed out asks the server who they are and is told: nobody yet. */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.getByTestId('login-username').locator('input').fill(username)
  await page.getByTestId('login-password').locator('input').fill(password)
  await page.getByTestId('login-submit').click()
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-logout').click()
  await expect(page).toHaveURL(/\/login$/)
}

/** Unique per run, so the suite passes again on the same database. */
function unique(): { username: string; pin: string; suffix: string } {
  const n = Date.now() % 1_000_000
  return { username: `e2e.c${n}`, pin: String(100_000 + (n % 900_000)), suffix: String(n).padStart(6, '0') }
}

test('a manager adds a consultant, who can then sign in', async ({ page }) => {
  await page.goto('/staff')
  await expect(page).toHaveURL(/\/login\?redirect=\/staff$/)
  await signIn(page, 'manager')
  await expect(page).toHaveURL(/\/staff$/)
  await expect(page.getByTestId('user-name')).toHaveText('吴敏')
  await expect(page.getByTestId('user-role')).toHaveText('销售经理')
  await expect(page.getByTestId('staff-row-c1')).toContainText('张伟')

  const { username, pin, suffix } = unique()
  const name = `测试顾问${suffix}`
  await page.getByTestId('staff-create').click()
  const dialog = page.getByTestId('staff-dialog')
  await dialog.getByTestId('staff-username').locator('input').fill(username)
  await dialog.getByTestId('staff-name').locator('input').fill(name)
  await dialog.getByTestId('staff-password').locator('input').fill('welcome-2026')
  await dialog.getByTestId('staff-pin').locator('input').fill(pin)
  // A manager may add consultants, assistants and partner agencies' sign-ins only, and the new person
  // joins the current project.
  await dialog.getByTestId('staff-role').click()
  await expect(page.locator('.n-base-select-option')).toHaveText(['销售助理', '置业顾问', '渠道'])
  await page.keyboard.press('Escape')
  await expect(dialog.getByTestId('staff-projects')).toContainText(PROJECT_NAME)
  await dialog.getByTestId('staff-submit').click()

  const row = page.getByTestId(`staff-row-${username}`)
  await expect(row).toContainText(name)
  await expect(row).toContainText('置业顾问')
  await expect(row).toContainText('已设置')
  await expect(row).toContainText('在职')

  // The list leaves as a real Excel file, loaded under the page's CSP.
  const download = page.waitForEvent('download')
  await page.getByTestId('export-excel').click()
  expect((await download).suggestedFilename()).toMatch(/^员工名单-DEMO-\d{8}-\d{4}\.xlsx$/)

  await signOut(page)
  await signIn(page, username, 'welcome-2026')
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('home-greeting')).toContainText(name)
  await expect(page.getByTestId('user-role')).toHaveText('置业顾问')
  await expect(page.getByTestId('home-project')).toContainText('DEMO')
  // A consultant has the home page only.
  await expect(page.getByTestId('nav-home')).toBeVisible()
  await expect(page.getByTestId('nav-staff')).toHaveCount(0)
})

test('the language switch turns the app English and stays so after a reload', async ({
  page,
  allowFailedRequest,
}) => {
  allowFailedRequest('auth.login')
  await page.goto('/login')
  await expect(page.getByTestId('login-submit')).toHaveText('登录')
  await page.getByTestId('locale-en').click()
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in')
  // The server words its errors in the language chosen here.
  await signIn(page, 'manager', 'not-the-password')
  await expect(page.getByTestId('login-error')).toHaveText('The username or password is wrong; try again.')
  await signIn(page, 'manager')

  const nav = page.getByTestId('side-nav')
  await expect(nav.getByTestId('nav-home')).toHaveText('Home')
  await expect(nav.getByTestId('nav-staff')).toHaveText('Staff')
  await expect(nav.getByTestId('nav-devices')).toHaveText('Devices')
  await expect(nav.getByTestId('nav-settings')).toHaveText('Project settings')
  await expect(page.getByTestId('user-role')).toHaveText('Sales manager')

  await page.reload()
  await expect(nav.getByTestId('nav-staff')).toHaveText('Staff')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByTestId('nav-staff').click()
  await expect(page.getByRole('heading', { name: 'Staff' })).toBeVisible()
  // Naive UI's own texts follow too.
  await expect(page.getByTestId('staff-row-c1')).toContainText('Sales consultant')
})

test("a wrong password shows the server's Chinese sentence on the sign-in page", async ({
  page,
  allowFailedRequest,
}) => {
  allowFailedRequest('auth.login')
  await page.goto('/')
  await expect(page).toHaveURL(/\/login$/)
  await signIn(page, 'assistant', 'not-the-password')
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码不正确，请重新输入。')
  await expect(page).toHaveURL(/\/login$/)
})

async function openPairingCode(page: Page, name: string) {
  await page.goto('/login')
  await signIn(page, 'manager')
  await page.getByTestId('nav-devices').click()
  await expect(page).toHaveURL(/\/devices$/)
  await page.getByTestId('device-pair').click()
  await page.getByTestId('pair-kind-kiosk').click()
  await page.getByTestId('pair-name').locator('input').fill(name)
  await page.getByTestId('pair-submit').click()
}

test('a manager creates a pairing code for a kiosk and sees it large, with its countdown', async ({
  page,
}) => {
  await openPairingCode(page, `大厅自助机${unique().suffix}`)
  await expect(page.getByTestId('pairing-code')).toHaveText(/^\d{6}$/)
  await expect(page.getByText('在自助机或大屏上打开 /kiosk 或 /board，输入此配对码')).toBeVisible()
  await expect(page.getByTestId('pairing-countdown')).toHaveText(/剩余有效时间 (10:00|9:[0-5]\d)/)
  const fontSize = await page
    .getByTestId('pairing-code')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(fontSize).toBeGreaterThanOrEqual(44)
})

test('the pairing dialog notices when the kiosk enters the code', async ({ page }) => {
  const name = `二楼自助机${unique().suffix}`
  await openPairingCode(page, name)
  const code = page.getByTestId('pairing-code')
  await expect(code).toHaveText(/^\d{6}$/)

  // The kiosk types the code; the dialog notices without a reload.
  const claim = await page.request.post('/trpc/devices.claim', { data: { code: await code.innerText() } })
  expect(claim.ok(), await claim.text()).toBe(true)
  await expect(page.getByTestId('pair-done')).toContainText(name)
  await page.getByTestId('pair-close').click()
  await expect(page.getByTestId('devices-table')).toContainText(name)
  await expect(page.getByTestId('devices-table')).toContainText('前台自助机')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the director reaches every page through the drawer', async ({ page }) => {
    await page.goto('/login')
    await signIn(page, 'director')
    await expect(page.getByTestId('side-nav')).toHaveCount(0)

    await page.getByTestId('nav-toggle').click()
    const drawer = page.getByTestId('drawer-nav')
    for (const key of ['home', 'staff', 'devices', 'settings', 'projects', 'audit']) {
      await expect(drawer.getByTestId(`nav-${key}`)).toBeVisible()
    }
    await drawer.getByTestId('nav-settings').click()
    await expect(page.getByTestId('settings-save-rules')).toBeVisible()
    await expect(page.getByTestId('setting-protectionDays').locator('input')).toHaveValue('30')

    await page.getByTestId('nav-toggle').click()
    await page.getByTestId('drawer-nav').getByTestId('nav-audit').click()
    // The director's own sign-in is on record.
    await expect(page.getByTestId('audit-table')).toContainText('auth.login')
  })
})
