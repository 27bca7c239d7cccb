/**
 * The rotation from outside, as the kiosk and the wall board see it: a real server on an ephemeral
 * port with the minimal seed, plain fetch for calls, and tRPC's own SSE client for the board stream
 * (CONTRACT.md "Wire format", `rotation.board`, `rotation.onChange`, `kiosk.checkIn`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EventSource } from 'eventsource'
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client'
import type { AppRouter, RouterOutputs } from '@anchang/api'
import { DEMO_PASSWORD } from '@anchang/db'
import { CONSENT_VERSION } from '@anchang/shared'
import { sendTo, startServer, type Answer, type Running } from './test-server'

type Board = RouterOutputs['rotation']['board']

/** A tRPC call: a body makes it a POST (mutation), an input a GET (query). */
const call = (
  on: Running,
  path: string,
  opts: { input?: unknown; body?: unknown; cookie?: string; bearer?: string } = {},
) => sendTo(on, `/trpc/${path}`, opts)

/** The manager signs in and pairs a kiosk and a board for the demo project. */
async function openOffice(on: Running) {
  const login = await call(on, 'auth.login', { body: { username: 'manager', password: DEMO_PASSWORD } })
  expect(login.status, login.text).toBe(200)
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('anchang_session='))!
    .split(';')[0]!
  const projectId: string = login.body.result.data.user.projects[0].id
  const pair = async (kind: 'kiosk' | 'board', name: string) => {
    const paired = await call(on, 'devices.pair', { body: { projectId, kind, name }, cookie })
    expect(paired.status, paired.text).toBe(200)
    return paired.body.result.data.token as string
  }
  return { projectId, cookie, kiosk: await pair('kiosk', '前台一号'), board: await pair('board', '大厅看板') }
}

/** Board messages as they arrive; `next()` waits for the next one not yet taken. */
function boardStream(on: Running, token: string, projectId: string) {
  const client = createTRPCClient<AppRouter>({
    links: [httpSubscriptionLink({ url: `${on.url}/trpc`, EventSource, connectionParams: { token } })],
  })
  const arrived: Board[] = []
  const waiters: ((board: Board) => void)[] = []
  const errors: unknown[] = []
  const subscription = client.rotation.onChange.subscribe(
    { projectId },
    {
      onData: (board) => {
        const waiter = waiters.shift()
        if (waiter) waiter(board)
        else arrived.push(board)
      },
      onError: (error) => errors.push(error),
    },
  )
  return {
    errors,
    next: () =>
      new Promise<Board>((resolve) => (arrived.length ? resolve(arrived.shift()!) : waiters.push(resolve))),
    close: () => subscription.unsubscribe(),
  }
}

describe('the board over HTTP and SSE', () => {
  let server: Running
  let office: Awaited<ReturnType<typeof openOffice>>
  let stream: ReturnType<typeof boardStream> | undefined
  let signIn: Answer
  beforeAll(async () => {
    server = await startServer()
    office = await openOffice(server)
    signIn = await call(server, 'rotation.signIn', { body: { pin: '1001' }, bearer: office.kiosk })
  })
  afterEach(() => stream?.close())
  afterAll(async () => {
    await server.close()
  })

  it('a consultant signs in at the kiosk with their PIN and joins the queue', () => {
    expect(signIn.status, signIn.text).toBe(200)
    expect(signIn.body.result.data).toMatchObject({ position: 1 })
  })

  it('rotation.board answers a board’s Bearer token, and refuses a call without one', async () => {
    const answer = await call(server, 'rotation.board', {
      input: { projectId: office.projectId },
      bearer: office.board,
    })
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body.result.data).toMatchObject({
      queue: [{ consultantId: expect.any(String), name: '张伟', status: 'available', position: 1 }],
      waiting: [],
      receiving: [],
    })
    const anonymous = await call(server, 'rotation.board', { input: { projectId: office.projectId } })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.data.code).toBe('UNAUTHORIZED')
    const forged = await call(server, 'rotation.board', {
      input: { projectId: office.projectId },
      bearer: 'not-a-token',
    })
    expect(forged.status).toBe(401)
  })

  it('the subscription sends the board first, then the new board after a check-in', async () => {
    stream = boardStream(server, office.board, office.projectId)
    const first = await stream.next()
    expect(first.queue.map((q) => [q.name, q.status, q.position])).toEqual([['张伟', 'available', 1]])
    expect(first.receiving).toEqual([])

    const checkIn = await call(server, 'kiosk.checkIn', {
      body: {
        phone: '138 0013 8000',
        surname: '王',
        title: '女士',
        partySize: 2,
        consentVersion: CONSENT_VERSION,
      },
      bearer: office.kiosk,
    })
    expect(checkIn.status, checkIn.text).toBe(200)
    const outcome = checkIn.body.result.data
    expect(outcome).toMatchObject({
      outcome: 'assigned',
      reason: 'rotation',
      consultant: { id: first.queue[0]!.consultantId, name: '张伟' },
    })

    const after = await stream.next()
    expect(after.receiving).toEqual([
      expect.objectContaining({
        receptionId: outcome.receptionId,
        consultantId: first.queue[0]!.consultantId,
      }),
    ])
    expect(after.queue[0]).toMatchObject({ name: '张伟', status: 'receiving' })
    expect(stream.errors).toEqual([])
  })
})

describe('many kiosks at once over HTTP', () => {
  let server: Running
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('30 check-ins sent together get 30 distinct outcomes: 3 received, 27 waiting in places 1..27', async () => {
    const office = await openOffice(server)
    for (const pin of ['1001', '1002', '1003']) {
      expect((await call(server, 'rotation.signIn', { body: { pin }, bearer: office.kiosk })).status).toBe(
        200,
      )
    }
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(server, 'kiosk.checkIn', {
          body: { phone: `1390000${String(i).padStart(4, '0')}`, consentVersion: CONSENT_VERSION },
          bearer: office.kiosk,
        }),
      ),
    )
    for (const answer of answers) expect(answer.status, answer.text).toBe(200)
    const outcomes = answers.map((a) => a.body.result.data)
    const ids = outcomes.map((o) => o.receptionId ?? o.waitingId)
    expect(new Set(ids).size).toBe(30)
    const assigned = outcomes.filter((o) => o.outcome === 'assigned')
    expect(new Set(assigned.map((o) => o.consultant.id)).size).toBe(3)
    expect(
      outcomes
        .filter((o) => o.outcome === 'waiting')
        .map((o) => o.waitPosition)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 27 }, (_, i) => i + 1))

    const board = await call(server, 'rotation.board', {
      input: { projectId: office.projectId },
      bearer: office.board,
    })
    expect(board.body.result.data.receiving).toHaveLength(3)
    expect(board.body.result.data.waiting).toHaveLength(27)
  })
})
