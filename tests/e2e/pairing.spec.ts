import type { APIRequestContext, Page } from '@playwright/test'
import { expect, PROJECT_NAME, signInApi, test, trpc } from './fixtures'

/**
 * A manager creates pairing codes in the admin app (here: through its API); the kiosk and the
 * board are paired by tapping that code on their own keypads, as staff do on site.
 */

const PAIRING_PROMPT = '请输入管理后台显示的 6 位配对码'

type DeviceKind = 'kiosk' | 'board'

async function createPairingCode(
  request: APIRequestContext,
  kind: DeviceKind,
  name: string,
): Promise<string> {
  const projectId = await signInApi(request, 'manager')
  const { code } = await trpc<{ code: string }>(request, 'POST', 'devices.createPairingCode', {
    projectId,
    kind,
    name,
  })
  expect(code).toMatch(/^\d{6}$/)
  return code
}

async function tapCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).tap()
}

async function clickCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).click()
}

const codeSlots = (page: Page) => page.getByTestId('pairing-code')

test.describe('kiosk on a 1024×768 touch tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true })

  test('pairs with the code from the admin app, greets, and stays paired across a reload', async ({
    page,
    request,
  }) => {
    const code = await createPairingCode(request, 'kiosk', '前台1')
    await page.goto('/kiosk')
    await expect(page.getByRole('heading', { name: PAIRING_PROMPT })).toBeVisible()
    await expect(page).toHaveURL(/\/kiosk\/pair$/)

    // Every control is big enough for a finger (72 px and up on this screen).
    for (const button of await page.getByRole('button').all()) {
      const box = await button.boundingBox()
      expect(box!.height, `height of “${await button.innerText()}”`).toBeGreaterThanOrEqual(72)
    }

    await tapCode(page, code)
    await expect(codeSlots(page)).toHaveText(code)
    await page.getByRole('button', { name: '配对', exact: true }).tap()

    await expect(page.getByTestId('project-name')).toHaveText(PROJECT_NAME)
    await expect(page.getByRole('heading', { name: '欢迎光临' })).toBeVisible()
    await expect(page).toHaveURL(/\/kiosk\/$/)

    await page.reload()
    await expect(page.getByTestId('project-name')).toHaveText(PROJECT_NAME)
    await expect(page.getByText(PAIRING_PROMPT)).toHaveCount(0)

    // A deep link reloads into the app and lands on the welcome screen, not on a blank page.
    await page.goto('/kiosk/no-such-screen')
    await expect(page.getByTestId('project-name')).toHaveText(PROJECT_NAME)

    await page.getByRole('button', { name: 'English' }).tap()
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible()
    await page.getByRole('button', { name: '中文' }).tap()
    await expect(page.getByRole('heading', { name: '欢迎光临' })).toBeVisible()
  })

  test('a wrong code is refused in a Chinese sentence and the digits stay to correct', async ({
    page,
    allowFailedRequest,
  }) => {
    allowFailedRequest('devices.claim')
    await page.goto('/kiosk')
    await tapCode(page, '000000')
    await page.getByRole('button', { name: '配对', exact: true }).tap()
    await expect(page.getByRole('alert')).toHaveText('配对码不正确或已过期，请在管理后台重新生成。')
    await expect(codeSlots(page)).toHaveText('000000')
    await page.getByRole('button', { name: '删除一位' }).tap()
    await expect(codeSlots(page)).toHaveText('00000')
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('a board’s code is refused on the kiosk, saying which screen it is for', async ({ page, request }) => {
    const code = await createPairingCode(request, 'board', '大屏-误用')
    await page.goto('/kiosk')
    await tapCode(page, code)
    await page.getByRole('button', { name: '配对', exact: true }).tap()
    await expect(page.getByRole('alert')).toContainText('这是「轮序大屏」的配对码，不能用于前台自助机')
    await expect(page.getByRole('heading', { name: PAIRING_PROMPT })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: PAIRING_PROMPT })).toBeVisible()
  })

  test('keeps the typed code while the network is down and pairs once it is back', async ({
    page,
    request,
    allowFailedRequest,
  }) => {
    allowFailedRequest('devices.claim')
    const code = await createPairingCode(request, 'kiosk', '前台2')
    await page.goto('/kiosk')
    await page.route('**/trpc/devices.claim', (route) => route.abort('internetdisconnected'))
    await tapCode(page, code)
    await page.getByRole('button', { name: '配对', exact: true }).tap()
    await expect(page.getByText('网络连接中断，正在重试…')).toBeVisible()
    await expect(codeSlots(page)).toHaveText(code)

    await page.unroute('**/trpc/devices.claim')
    await expect(page.getByTestId('project-name')).toHaveText(PROJECT_NAME, { timeout: 20_000 })
    await expect(page.getByText('网络连接中断，正在重试…')).toHaveCount(0)
  })

  test('goes back to pairing, with the reason, when a manager revokes it', async ({
    page,
    request,
    allowFailedRequest,
  }) => {
    allowFailedRequest('devices.me')
    const code = await createPairingCode(request, 'kiosk', '前台-待撤销')
    await page.goto('/kiosk')
    await tapCode(page, code)
    await page.getByRole('button', { name: '配对', exact: true }).tap()
    await expect(page.getByTestId('project-name')).toHaveText(PROJECT_NAME)

    const projectId = await signInApi(request, 'manager')
    const devices = await trpc<{ id: string; name: string }[]>(request, 'GET', 'devices.list', { projectId })
    const device = devices.find((d) => d.name === '前台-待撤销')!
    await trpc(request, 'POST', 'devices.revoke', { deviceId: device.id })

    // The kiosk checks in every 30 s; the browser's "back online" makes it check at once.
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(page.getByRole('heading', { name: PAIRING_PROMPT })).toBeVisible()
    await expect(page.getByText('这台设备未配对或已被撤销，请让经理重新配对。')).toBeVisible()
  })

  test('staff unpair it by holding the corner for 3 seconds and confirming', async ({ page, request }) => {
    const code = await createPairingCode(request, 'kiosk', '前台3')
    await page.goto('/kiosk')
    await tapCode(page, code)
    await page.getByRole('button', { name: '配对', exact: true }).tap()
    await expect(page.getByTestId('project-name')).toHaveText(PROJECT_NAME)

    const corner = page.getByLabel('长按 3 秒解除配对')
    await corner.tap()
    await expect(page.getByRole('dialog')).toHaveCount(0)

    const box = (await corner.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.waitForTimeout(3_300)
    await page.mouse.up()
    const dialog = page.getByRole('dialog', { name: '解除这台设备的配对？' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: '解除配对' }).tap()

    await expect(page.getByRole('heading', { name: PAIRING_PROMPT })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: PAIRING_PROMPT })).toBeVisible()
  })
})

test.describe('board on a 1920×1080 wall display', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('pairs with a board code and shows the project, the clock and an online light', async ({
    page,
    request,
    allowFailedRequest,
  }) => {
    allowFailedRequest('devices.me')
    const code = await createPairingCode(request, 'board', '大屏1')
    await page.goto('/board')
    await expect(page.getByRole('heading', { name: PAIRING_PROMPT })).toBeVisible()
    await clickCode(page, code)
    await page.getByRole('button', { name: '配对', exact: true }).click()

    const projectName = page.getByTestId('project-name')
    await expect(projectName).toHaveText(PROJECT_NAME)
    await expect(page.getByTestId('board-connection')).toHaveText('已连接')
    await expect(page.locator('time').first()).toHaveText(/^\d{2}:\d{2}$/)
    // Read from five metres: the project name is set at 100 px or more on a 1080p wall.
    const fontSize = await projectName.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(100)

    await page.reload()
    await expect(projectName).toHaveText(PROJECT_NAME)
    await expect(page.getByTestId('board-connection')).toHaveText('已连接')

    // A failed check turns the light stale, in words, and the next good one turns it back.
    const connection = page.getByTestId('board-connection')
    await page.route('**/trpc/devices.me', (route) => route.abort('internetdisconnected'))
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(connection).toContainText('网络连接中断，正在重试…')
    await expect(connection).toHaveAttribute('data-state', 'stale')
    await expect(projectName).toHaveText(PROJECT_NAME)
    await page.unroute('**/trpc/devices.me')
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(connection).toHaveText('已连接')
  })
})
