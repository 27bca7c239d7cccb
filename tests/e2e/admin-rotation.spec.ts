import type { APIRequestContext, Page } from '@playwright/test'
import {
  type Board,
  call,
  CONSULTANTS,
  expect,
  freshPhone,
  signInAdmin,
  signInApi,
  test,
  trpc,
} from './fixtures'

/**
 * The rotation as people work it in the admin app: a consultant on their phone is alerted the
 * moment a kiosk assigns them a visitor and closes the reception there; a manager at the desk
 * reorders the queue, with a written reason the server insists on.
 *
 * Other specs use the same server and day before this one, so each test first makes the floor what
 * it needs (who is signed in, nobody waiting) through the API, and uses phone numbers of its own.
 */

/** Anyone arriving signed out asks the server who they are and is told: nobody yet. */
test.beforeEach(({ allowFailedRequest }) => allowFailedRequest('auth.me'))

/** A kiosk paired by the manager, as the front desk has one: its token is all the kiosk holds. */
async function pairKiosk(manager: APIRequestContext, projectId: string): Promise<string> {
  const { token } = await trpc<{ token: string }>(manager, 'POST', 'devices.pair', {
    projectId,
    kind: 'kiosk',
    name: `轮序测试自助机${Date.now() % 100_000}`,
  })
  return token
}

/** The queue as the floor page shows it, top to bottom. */
async function floorOrder(page: Page): Promise<string[]> {
  return page.getByTestId('floor-queue').getByTestId('queue-name').allInnerTexts()
}

test.describe('a consultant on the phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('is alerted within seconds of a kiosk assigning them a visitor, and closes the reception as valid B', async ({
    page,
    request,
    playwright,
    baseURL,
  }) => {
    const projectId = await signInApi(request, 'manager')
    const kiosk = await pairKiosk(request, projectId)

    // 李娜 (c2) starts signed out, with nothing left open from an earlier spec.
    const c2 = await playwright.request.newContext({ baseURL })
    await signInApi(c2, 'c2')
    const mine = await trpc<{ receptions: { receptionId: string }[] }>(c2, 'GET', 'rotation.mine', {
      projectId,
    })
    for (const r of mine.receptions) {
      await trpc(c2, 'POST', 'reception.finish', { receptionId: r.receptionId, result: 'valid', grade: 'C' })
    }
    // Only 李娜 may be free when the visitor checks in: everyone signs out at the kiosk. Someone still
    // receiving from an earlier spec cannot sign out, but is not free either.
    for (const c of CONSULTANTS) {
      const answer = await call(request, 'POST', 'rotation.signOut', { pin: c.pin }, kiosk)
      if (!answer.ok)
        expect(answer.error?.data.code, `${c.username} signs out: ${answer.error?.message}`).toBe('CONFLICT')
    }
    // A visitor left waiting by an earlier spec would go to 李娜 the moment she signs in.
    const before = await trpc<Board>(request, 'GET', 'rotation.board', { projectId })
    for (const w of before.waiting) {
      await trpc(request, 'POST', 'rotation.leaveLine', {
        projectId,
        waitingId: w.waitingId,
        reason: '测试前清理等候区',
      })
    }

    await signInAdmin(page, 'c2')
    await page.getByTestId('nav-toggle').click()
    await page.getByTestId('drawer-nav').getByTestId('nav-reception').click()
    await expect(page).toHaveURL(/\/reception$/)
    await expect(page.getByTestId('reception-status-text')).toHaveText('今天还没有签到')
    await page.getByTestId('reception-sign-in').click()
    await expect(page.getByTestId('reception-status-text')).toHaveText('空闲，等待接待')
    await expect(page.getByTestId('reception-next-up')).toHaveText('下一位就是你')
    await expect(page.getByTestId('reception-position')).toHaveText(/^第 \d+ 位 \/ 共 \d+ 人$/)
    await expect(page.getByTestId('reception-alerts')).toHaveText('新客户提醒已开启')

    // The visitor checks in at the kiosk; 李娜's phone shows it without a reload.
    const phone = freshPhone()
    const checkIn = await trpc<{ outcome: string; consultant?: { name: string }; reason: string }>(
      request,
      'POST',
      'kiosk.checkIn',
      { phone, surname: '王', title: '先生', partySize: 2, channel: '网络', consentVersion: '2026-11' },
      kiosk,
    )
    expect(checkIn).toMatchObject({ outcome: 'assigned', consultant: { name: '李娜' }, reason: 'rotation' })
    const alert = page.getByTestId('notice-alert')
    await expect(alert).toBeVisible({ timeout: 5_000 })
    await expect(alert.getByTestId('notice-text')).toHaveText('新接待：王先生（2人，网络）— 轮序')
    await expect(alert).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`)
    await alert.getByTestId('notice-go').click()
    await expect(alert).toHaveCount(0)

    const current = page.locator('[data-testid^="reception-current-"]')
    await expect(current).toHaveCount(1)
    await expect(current.getByTestId('reception-visitor')).toHaveText('王先生')
    await expect(current.getByTestId('reception-reason')).toHaveText('轮序')
    await expect(current.getByTestId('reception-timer')).toHaveText(/^\d+:\d{2}$/)
    await expect(page.getByTestId('reception-status-text')).toHaveText('接待中')
    // While receiving, a break or sign-out is not offered.
    await expect(page.getByTestId('reception-break')).toBeDisabled()

    // Finishing on a phone: big buttons, valid needs a grade before it can be sent.
    const validBefore = Number(await page.getByTestId('tally-valid').innerText())
    await current.getByTestId('finish-valid').tap()
    await expect(current.getByTestId('finish-submit')).toBeDisabled()
    await current.getByTestId('finish-grade-B').tap()
    await current.getByTestId('finish-note').locator('textarea').fill('两房，预算 300 万，周末带家人再来')
    const buttonBox = await current.getByTestId('finish-grade-B').boundingBox()
    expect(buttonBox!.height, 'grade buttons are finger-sized').toBeGreaterThanOrEqual(44)
    await current.getByTestId('finish-submit').tap()

    await expect(current).toHaveCount(0)
    await expect(page.getByTestId('reception-none')).toBeVisible()
    await expect(page.getByTestId('reception-status-text')).toHaveText('空闲，等待接待')
    await expect(page.getByTestId('tally-valid')).toHaveText(String(validBefore + 1))
    await expect(page.getByTestId('reception-today')).toContainText('王先生（2人，网络）')

    // The manager's record has it: valid B, by rotation, with the queue as it was.
    const today = await trpc<
      { phone: string; consultantName: string; result?: string; grade: string | null; reason: string }[]
    >(request, 'GET', 'reception.log', { projectId, date: before.date })
    expect(today.find((r) => r.phone === `${phone.slice(0, 3)}****${phone.slice(7)}`)).toMatchObject({
      consultantName: '李娜',
      result: 'valid',
      grade: 'B',
      reason: 'rotation',
    })

    // Leave 李娜 signed out for whoever comes next.
    await trpc(c2, 'POST', 'rotation.signOut', { projectId })
    await c2.dispose()
  })
})

test.describe('a manager at the desk', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('moves a consultant with a written reason, and an empty reason is refused in the server’s words', async ({
    page,
    request,
    allowFailedRequest,
  }) => {
    allowFailedRequest('rotation.override')
    const projectId = await signInApi(request, 'manager')
    const kiosk = await pairKiosk(request, projectId)
    // Three consultants on the floor, whatever earlier specs left (signing in twice keeps the place).
    for (const c of CONSULTANTS.slice(2, 5))
      await trpc(request, 'POST', 'rotation.signIn', { pin: c.pin }, kiosk)

    await signInAdmin(page, 'manager')
    await page.getByTestId('side-nav').getByTestId('nav-floor').click()
    await expect(page).toHaveURL(/\/floor$/)
    await expect(page.getByTestId('floor-live')).toHaveText('实时')
    const queue = page.getByTestId('floor-queue')
    await expect(queue.getByTestId('queue-name')).not.toHaveCount(0)
    const order = await floorOrder(page)
    expect(order.length).toBeGreaterThanOrEqual(3)

    // The last consultant one place up, with the button a keyboard or a finger uses.
    const last = order[order.length - 1]!
    const lastRow = queue.locator('li', { hasText: last })
    await lastRow.getByTestId('queue-up').click()
    const dialog = page.getByTestId('reason-dialog')
    await expect(dialog.getByTestId('reason-description')).toContainText(
      `把 ${last} 从第 ${order.length} 位调到第 ${order.length - 1} 位`,
    )

    // No reason: the server refuses, and the dialog says so in its words.
    await dialog.getByTestId('reason-submit').click()
    await expect(dialog.getByTestId('reason-error')).toHaveText('请写明原因：每次调整都要留下理由。')
    expect(await floorOrder(page)).toEqual(order)

    await dialog.getByTestId('reason-input').locator('textarea').fill('刚接完电话，先让下一位接待')
    await dialog.getByTestId('reason-submit').click()
    await expect(dialog).toHaveCount(0)
    const moved = [...order.slice(0, -2), last, order[order.length - 2]!]
    await expect(queue.getByTestId('queue-name')).toHaveText(moved)

    // Dragging the first row onto the last one sends it to the tail.
    const first = moved[0]!
    await queue
      .locator('li', { hasText: first })
      .dragTo(queue.locator('li', { hasText: moved[moved.length - 1]! }))
    await expect(dialog.getByTestId('reason-description')).toContainText(
      `把 ${first} 从第 1 位调到第 ${moved.length} 位`,
    )
    await dialog.getByTestId('reason-input').locator('textarea').fill('暂时去签合同，排到最后')
    await dialog.getByTestId('reason-submit').click()
    await expect(queue.getByTestId('queue-name')).toHaveText([...moved.slice(1), first])

    // Both moves are on the record with their reasons.
    await page.getByTestId('side-nav').getByTestId('nav-receptionLog').click()
    await page.getByTestId('log-tab-events').click()
    const events = page.getByTestId('events-table')
    await expect(events).toContainText('刚接完电话，先让下一位接待')
    await expect(events).toContainText('暂时去签合同，排到最后')
    await expect(events).toContainText(`调整到第 ${moved.length} 位`)
  })
})
