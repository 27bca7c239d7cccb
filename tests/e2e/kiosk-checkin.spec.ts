import type { APIRequestContext, Browser, Page, PlaywrightWorkerArgs } from '@playwright/test'
import {
  type Board,
  CONSULTANTS,
  expect,
  freshPhone,
  PROJECT_NAME,
  signInAdmin,
  signInApi,
  test,
  trpc,
  watchPage,
} from './fixtures'

type Playwright = PlaywrightWorkerArgs['playwright']

/**
 * The front desk as a visitor and a consultant use it, with the wall board beside it: a consultant
 * signs in with a PIN on the kiosk tablet, visitors check in through every screen, and the board
 * follows each change live, without a reload.
 */

/**
 * Tests share one server and the rotation is per day, so earlier specs may have left consultants
 * signed in, receiving, or visitors waiting. Everyone's open receptions are closed, everyone signs
 * out and the waiting line is emptied, so 张伟 is the only consultant once he signs in.
 */
async function clearFloor(
  playwright: Playwright,
  baseURL: string,
  manager: APIRequestContext,
  projectId: string,
  kioskToken: string,
) {
  const kiosk = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${kioskToken}` },
  })
  const before = await trpc<Board>(manager, 'GET', 'rotation.board', { projectId })
  for (const w of before.waiting) {
    await trpc(manager, 'POST', 'rotation.leaveLine', {
      projectId,
      waitingId: w.waitingId,
      reason: '自助机测试前清理等候区',
    })
  }
  for (const c of CONSULTANTS) {
    const session = await playwright.request.newContext({ baseURL })
    await signInApi(session, c.username)
    const mine = await trpc<{ receptions: { receptionId: string }[] }>(session, 'GET', 'rotation.mine', {
      projectId,
    })
    for (const r of mine.receptions)
      await trpc(session, 'POST', 'reception.finish', { receptionId: r.receptionId, result: 'invalid' })
    await session.dispose()
    await trpc(kiosk, 'POST', 'rotation.signOut', { pin: c.pin })
  }
  await kiosk.dispose()
  const after = await trpc<Board>(manager, 'GET', 'rotation.board', { projectId })
  expect(after, 'the floor is empty before the kiosk is used').toMatchObject({ queue: [], waiting: [] })
}

/**
 * A paired screen in its own browser window: the token the manager's `devices.pair` returned sits
 * where pairing would have put it (the pairing spec covers pairing by code). The window is not the
 * test's own page, so it has its own guard: it fails the test on a console error, an uncaught
 * exception or a CSP violation, except failed requests named with `allowFailedRequest` (the browser
 * logs a refused call, such as a wrong PIN, as a console error).
 */
async function openScreen(
  browser: Browser,
  baseURL: string,
  kind: 'kiosk' | 'board',
  token: string,
  viewport: { width: number; height: number },
  hasTouch: boolean,
) {
  const context = await browser.newContext({ baseURL, viewport, hasTouch, locale: 'zh-CN' })
  await context.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    [`anchang.${kind}.token`, token],
  )
  const page = await context.newPage()
  const { problems, allowFailedRequest } = await watchPage(page)
  await page.goto(kind === 'kiosk' ? '/kiosk' : '/board')
  return {
    page,
    allowFailedRequest,
    expectNoProblems: () =>
      expect(problems, `${kind}: console errors, uncaught exceptions or CSP violations`).toEqual([]),
    close: () => context.close(),
  }
}

async function tap(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).tap()
}

async function tapDigits(page: Page, digits: string) {
  for (const digit of digits) await tap(page, digit)
}

/** Every control on the screen is big enough for a finger (72 px and up on a 1024×768 tablet). */
async function expectFingerSizedButtons(page: Page) {
  const buttons = await page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((button) => button.checkVisibility())
      .map((button) => ({
        label: button.innerText.trim() || button.getAttribute('aria-label'),
        height: button.getBoundingClientRect().height,
      })),
  )
  expect(buttons.length).toBeGreaterThan(0)
  for (const { label, height } of buttons) expect(height, `height of “${label}”`).toBeGreaterThanOrEqual(72)
}

test('a consultant signs in at the kiosk, visitors check in, the board follows live and the consultant is alerted', async ({
  page,
  allowFailedRequest,
  browser,
  playwright,
  request,
  baseURL,
}) => {
  const projectId = await signInApi(request, 'manager')
  const pair = (kind: 'kiosk' | 'board', name: string) =>
    trpc<{ token: string }>(request, 'POST', 'devices.pair', {
      projectId,
      kind,
      name: `${name}${Date.now() % 100_000}`,
    })
  const kioskToken = (await pair('kiosk', '自助登记测试机')).token
  const boardToken = (await pair('board', '轮序测试大屏')).token
  await clearFloor(playwright, baseURL!, request, projectId, kioskToken)

  const board = await openScreen(browser, baseURL!, 'board', boardToken, { width: 1920, height: 1080 }, false)
  const kiosk = await openScreen(browser, baseURL!, 'kiosk', kioskToken, { width: 1024, height: 768 }, true)
  try {
    const wall = board.page
    const tablet = kiosk.page
    await expect(wall.getByTestId('project-name')).toHaveText(PROJECT_NAME)
    await expect(wall.getByTestId('board-queue')).toContainText('还没有置业顾问签到')
    await expect(wall.getByTestId('board-waiting-count')).toHaveText('0')
    await expect(tablet.getByTestId('project-name')).toHaveText(PROJECT_NAME)

    // 张伟 signs in with his PIN; a mistyped PIN is refused in the server's words as soon as it is
    // confirmed, before any action is offered.
    kiosk.allowFailedRequest('kiosk.identify')
    await tablet.getByRole('button', { name: '顾问签到' }).tap()
    await expect(tablet.getByRole('heading', { name: '请输入您的 4 位 PIN 码' })).toBeVisible()
    await expectFingerSizedButtons(tablet)
    await tapDigits(tablet, '9999')
    await expect(tablet.getByTestId('pin-display')).toHaveAttribute(
      'aria-label',
      'PIN 码，已输入 4 位，共 4 位',
    )
    await expect(tablet.getByTestId('pin-display')).not.toContainText('9')
    await tap(tablet, '确定')
    await expect(tablet.getByRole('alert')).toHaveText(
      'PIN 码不正确，请重新输入（连续输错 5 次将锁定 5 分钟）。',
    )
    await expect(tablet.getByRole('button', { name: /^签到/ })).toHaveCount(0)
    await tapDigits(tablet, '1001')
    await tap(tablet, '确定')
    await expect(tablet.getByTestId('duty-greeting')).toContainText('张伟，您好')
    await expect(tablet.getByTestId('duty-standing')).toHaveText('您今天还没有签到')
    await expect(tablet.getByRole('button', { name: /^签退/ }), 'only what applies is offered').toHaveCount(0)
    await expectFingerSizedButtons(tablet)
    await tablet.getByRole('button', { name: /^签到/ }).tap()
    await expect(tablet.getByTestId('duty-done')).toContainText('张伟，签到成功')
    await expect(tablet.getByTestId('duty-position')).toHaveText('您现在排在轮序第 1 位')

    const zhangWei = wall.getByTestId('queue-row').filter({ hasText: '张伟' })
    await expect(zhangWei).toBeVisible()
    await expect(zhangWei).toContainText('下一位')
    const nameSize = await zhangWei
      .locator('.name')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(nameSize, 'queue names are readable from 5 m').toBeGreaterThanOrEqual(48)

    await tap(tablet, '完成')
    await expect(tablet.getByRole('heading', { name: '欢迎光临' })).toBeVisible()

    // 张伟 keeps his own admin page open, as consultants do on their phones.
    allowFailedRequest('auth.me')
    await signInAdmin(page, 'c1')
    await page.goto('/reception')
    await expect(page.getByTestId('reception-status-text')).toHaveText('空闲，等待接待')
    await expect(page.getByTestId('reception-alerts')).toHaveText('新客户提醒已开启')

    // The first visitor answers every screen, going back once on the way.
    const phone = freshPhone()
    await tablet.getByTestId('start-check-in').tap()
    await expect(tablet.getByRole('heading', { name: '您是第一次来吗？' })).toBeVisible()
    await expectFingerSizedButtons(tablet)
    await tap(tablet, '是，第一次来')
    await expect(tablet.getByRole('heading', { name: '个人信息保护说明' })).toBeVisible()
    await expect(tablet.getByTestId('privacy-notice')).toContainText(
      '您可以随时向现场工作人员要求查阅、更正或删除您的个人信息。',
    )
    await expectFingerSizedButtons(tablet)
    await tap(tablet, '同意并继续')
    await expect(tablet.getByRole('heading', { name: '请输入您的手机号' })).toBeVisible()
    await expectFingerSizedButtons(tablet)
    await tapDigits(tablet, phone)
    await expect(tablet.getByTestId('phone-display')).toHaveText(
      `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`,
    )
    await tap(tablet, '下一步')
    await expect(tablet.getByRole('heading', { name: '请选择您的姓氏' })).toBeVisible()
    await expectFingerSizedButtons(tablet)
    await tap(tablet, '返回')
    await expect(tablet.getByTestId('phone-display')).toHaveText(
      `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`,
    )
    await tap(tablet, '下一步')
    await tap(tablet, '下一页')
    await expect(tablet.getByText('第 2 / 5 页')).toBeVisible()
    await tap(tablet, '上一页')
    await tap(tablet, '王')
    await expect(tablet.getByRole('heading', { name: '请选择您的称呼' })).toBeVisible()
    await expectFingerSizedButtons(tablet)
    await tap(tablet, '王先生')
    await expect(tablet.getByRole('heading', { name: '一共几位来访？' })).toBeVisible()
    await expectFingerSizedButtons(tablet)
    await tap(tablet, '2 位')
    await expect(tablet.getByRole('heading', { name: '您是通过什么渠道了解到我们的？' })).toBeVisible()
    await expectFingerSizedButtons(tablet)
    await tap(tablet, '朋友介绍')

    await expect(tablet.getByTestId('result-sentence')).toHaveText('请稍候，置业顾问 张伟 将为您服务')
    await expect(tablet.getByTestId('check-in-result')).toContainText('王先生，您好！')
    await expectFingerSizedButtons(tablet)

    const alert = page.getByTestId('notice-alert')
    await expect(alert).toBeVisible({ timeout: 5_000 })
    await expect(alert.getByTestId('notice-text')).toHaveText('新接待：王先生（2人，朋友介绍）— 轮序')

    await expect(zhangWei).toContainText('接待中')
    await expect(zhangWei).toContainText('已接待')
    await expect(zhangWei).not.toContainText('下一位')
    await expect(wall.getByTestId('board-tally')).toContainText('张伟')

    await tap(tablet, '完成')
    await expect(tablet.getByRole('heading', { name: '欢迎光临' })).toBeVisible()

    // The second visitor skips what is optional; 张伟 is busy, so they wait first in line.
    await tablet.getByTestId('start-check-in').tap()
    await tap(tablet, '不是，之前来过')
    await tap(tablet, '同意并继续')
    await expect(tablet.getByText('我们会根据手机号为您找到之前接待您的置业顾问。')).toBeVisible()
    await tapDigits(tablet, freshPhone())
    await tap(tablet, '下一步')
    await tap(tablet, '跳过')
    await tap(tablet, '跳过')
    await tap(tablet, '更多')
    await tap(tablet, '增加一位')
    await expect(tablet.getByTestId('party-size-count')).toHaveText('8 位')
    await tap(tablet, '确定')
    await tap(tablet, '跳过')

    await expect(tablet.getByTestId('wait-place')).toHaveText('等候第 1 位')
    await expect(tablet.getByTestId('result-sentence')).toHaveText(/^您是下一位，预计等候约 \d+ 分钟$/)

    await expect(wall.getByTestId('board-waiting-count')).toHaveText('1')
    await expect(wall.getByTestId('board-waiting')).toContainText('共 8 人')
    await expect(wall.getByTestId('board-longest-wait')).toContainText('最长已等')
    await expect(wall.getByTestId('board-stale')).toHaveCount(0)

    board.expectNoProblems()
    kiosk.expectNoProblems()
  } finally {
    await kiosk.close()
    await board.close()
    // Leave the floor as it was found for the specs after this one.
    await clearFloor(playwright, baseURL!, request, projectId, kioskToken)
  }
})
