import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'

/**
 * What every spec shares: the guard that fails a test on a page's console errors, the tRPC API the
 * tests use to set the scene, and the minimal seed's names and passwords.
 */

export { expect }

export const PASSWORD = 'demo1234'
export const PROJECT_NAME = '思源·示范项目'
/** The minimal seed's consultants and their kiosk PINs; 张伟 is c1, 李娜 c2. */
export const CONSULTANTS = [
  { username: 'c1', pin: '1001' },
  { username: 'c2', pin: '1002' },
  { username: 'c3', pin: '1003' },
  { username: 'c4', pin: '1004' },
  { username: 'c5', pin: '1005' },
  { username: 'c6', pin: '1006' },
] as const

/**
 * Collects a page's console errors, uncaught exceptions and CSP violations, to be expected empty at
 * the end. A request that fails on purpose (no session yet, a wrong password or code, a dropped
 * network) is named with `allowFailedRequest`, since the browser itself logs such responses as
 * console errors; only those, and only for the procedures named.
 */
export async function watchPage(page: Page) {
  const problems: string[] = []
  const allowed = new Set<string>()
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`)
    })
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const url = message.location().url
    const failedRequest = message.text().startsWith('Failed to load resource')
    if (failedRequest && [...allowed].some((procedure) => url.includes(`/trpc/${procedure}`))) return
    problems.push(`${message.text()} (${url})`)
  })
  return {
    problems,
    allowFailedRequest: (procedure: string) => {
      allowed.add(procedure)
    },
  }
}

/** Every page fails its test on a console error, an uncaught exception or a CSP violation. */
export const test = base.extend<{ allowFailedRequest: (procedure: string) => void }>({
  allowFailedRequest: [
    async ({ page }, use) => {
      const { problems, allowFailedRequest } = await watchPage(page)
      await use(allowFailedRequest)
      expect(problems, 'console errors, uncaught exceptions or CSP violations').toEqual([])
    },
    { auto: true },
  ],
})

export interface TrpcAnswer<T> {
  ok: boolean
  status: number
  data?: T
  error?: { message: string; data: { code: string } }
}

/** A call whose refusal is a possible outcome, not a failure: the caller reads the answer. */
export async function call<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  input?: unknown,
  token?: string,
): Promise<TrpcAnswer<T>> {
  const headers = token ? { Authorization: `Bearer ${token}` } : undefined
  const response =
    method === 'GET'
      ? await request.get(`/trpc/${path}`, {
          params: input === undefined ? {} : { input: JSON.stringify(input) },
          headers,
        })
      : await request.post(`/trpc/${path}`, { data: input ?? {}, headers })
  const body = await response.json()
  return { ok: response.ok(), status: response.status(), data: body.result?.data, error: body.error }
}

/** A call that must succeed; `token` speaks as a paired device instead of the context's session. */
export async function trpc<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  input?: unknown,
  token?: string,
): Promise<T> {
  const answer = await call<T>(request, method, path, input, token)
  expect(answer.ok, `${path} answered ${answer.status}: ${JSON.stringify(answer.error)}`).toBe(true)
  return answer.data as T
}

/** The rotation's board as `rotation.board` answers it. */
export interface Board {
  queue: {
    consultantId: string
    name: string
    status: 'available' | 'receiving' | 'break'
    position: number
  }[]
  waiting: { waitingId: string }[]
  /** Today in the project's time zone. */
  date: string
}

/**
 * Signs the request context in and returns DEMO's id. The project is read back through `auth.me`,
 * so the session cookie is known to have stayed in the context.
 */
export async function signInApi(request: APIRequestContext, username: string): Promise<string> {
  await trpc(request, 'POST', 'auth.login', { username, password: PASSWORD })
  const { user } = await trpc<{ user: { projects: { id: string; code: string }[] } }>(
    request,
    'GET',
    'auth.me',
  )
  const project = user.projects.find((p) => p.code === 'DEMO')
  expect(project, `${username} belongs to DEMO`).toBeTruthy()
  return project!.id
}

let lastPhone = 0

/**
 * A mainland mobile number no earlier run or spec has used: the clock's last eight digits, one
 * higher than the last when two numbers are asked for in the same millisecond.
 */
export function freshPhone(): string {
  lastPhone = Math.max(Date.now(), lastPhone + 1)
  return `139${String(lastPhone).slice(-8)}`
}

/** Signs in to the admin app in the browser, as a person does, and waits for the layout. */
export async function signInAdmin(page: Page, username: string) {
  await page.goto('/login')
  await page.getByTestId('login-username').locator('input').fill(username)
  await page.getByTestId('login-password').locator('input').fill(PASSWORD)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('user-name')).toBeVisible()
}

/** A consultant's own registration of a number (来电/来访登记), as `customers.register` answers it. */
export async function registerCustomer(
  request: APIRequestContext,
  projectId: string,
  phone: string,
  extra: Record<string, unknown> = {},
): Promise<{ customerId: string; ownerId: string }> {
  return trpc(request, 'POST', 'customers.register', { projectId, phone, kind: 'call', ...extra })
}
