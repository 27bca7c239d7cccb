/**
 * The group-robot webhook: every assignment writes an outbox row in its own transaction, and the
 * dispatcher posts it afterwards, so a slow or failing robot never holds up a check-in. Posts go to
 * a real endpoint on the loopback interface through the dispatcher's own HTTP client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { asc } from 'drizzle-orm'
import { webhookDeliveries } from '@anchang/db'
import { CONSENT_VERSION } from '@anchang/shared'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'
import { retryDelayMs } from './webhook'

/** A group robot on 127.0.0.1 that records what it is sent and answers as told. */
interface Robot {
  url: string
  received: { body: unknown; contentType: string | undefined }[]
  answer: { status: number; body: string }
  close(): Promise<void>
}

async function startRobot(): Promise<Robot> {
  const server: Server = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    req.on('end', () => {
      robot.received.push({ body: JSON.parse(text), contentType: req.headers['content-type'] })
      res.writeHead(robot.answer.status, { 'content-type': 'application/json' }).end(robot.answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const robot: Robot = {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test`,
    received: [],
    answer: { status: 200, body: '{"errcode":0,"errmsg":"ok"}' },
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
  return robot
}

const START = new Date('2026-03-02T02:00:00.000Z')

let world: TestWorld
let robot: Robot
let project: { id: string }
let manager: TestUser
let consultant: TestUser
let kiosk: { token: string }
let now: Date

beforeEach(async () => {
  world = createTestWorld()
  // The test's robot listens on loopback, which a real server refuses unless told (WEBHOOK_ALLOW_PRIVATE).
  world.deps.config.allowPrivateWebhooks = true
  robot = await startRobot()
  project = world.createProject({ channels: ['自然来访', '网络'] })
  manager = await world.createUser({ role: 'manager', projectIds: [project.id] })
  consultant = await world.createUser({ role: 'consultant', projectIds: [project.id], name: '张伟' })
  kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
  now = START
  world.setNow(now)
  await world.asUser(manager).projects.update({ projectId: project.id, name: '悦府', webhookUrl: robot.url })
  await world.asUser(consultant).rotation.signIn({ projectId: project.id })
})
afterEach(async () => {
  world.close()
  await robot.close()
})

const later = (ms: number) => {
  now = new Date(now.getTime() + ms)
  world.setNow(now)
}
const deliveries = () =>
  world.database.db.select().from(webhookDeliveries).orderBy(asc(webhookDeliveries.id)).all()
const checkIn = (phone = '13800138001') =>
  world.asDevice(kiosk).kiosk.checkIn({
    phone,
    surname: '王',
    title: '女士',
    partySize: 2,
    channel: '网络',
    consentVersion: CONSENT_VERSION,
  })

describe('webhook deliveries', () => {
  it('an assignment writes one delivery, and the dispatcher posts it to the robot', async () => {
    const outcome = await checkIn()
    expect(outcome.outcome).toBe('assigned')
    const [row] = deliveries()
    expect(row).toMatchObject({
      projectId: project.id,
      url: robot.url,
      attempts: 0,
      nextAttemptAt: START.toISOString(),
      deliveredAt: null,
      payload: {
        msgtype: 'text',
        text: { content: '【悦府】来访：王女士（2人，网络）由 张伟 接待（轮序）' },
      },
    })
    expect(robot.received, 'nothing is posted by the check-in itself').toEqual([])

    expect(await world.deps.webhooks.deliverDue()).toBe(1)
    expect(robot.received).toEqual([{ body: row!.payload, contentType: 'application/json' }])
    expect(deliveries()[0]).toMatchObject({ attempts: 1, deliveredAt: START.toISOString(), lastError: null })
    expect(await world.deps.webhooks.deliverDue(), 'a delivered row is not sent again').toBe(0)
    expect(robot.received).toHaveLength(1)
  })

  it('never sends the full phone number to the group', async () => {
    await world.asDevice(kiosk).kiosk.checkIn({ phone: '13800138001' })
    await world.deps.webhooks.deliverDue()
    const text = JSON.stringify(robot.received)
    expect(text).toContain('138****8001')
    expect(text).not.toContain('13800138001')
  })

  it('a visitor who waits is announced when received, by the consultant who took them', async () => {
    const first = await checkIn('13800138001')
    await checkIn('13800138002')
    expect(deliveries()).toHaveLength(1)
    later(60_000)
    await world
      .asUser(consultant)
      .reception.finish({ receptionId: first.receptionId!, result: 'valid', grade: 'B' })
    expect(deliveries().map((d) => (d.payload as { text: { content: string } }).text.content)).toEqual([
      '【悦府】来访：王女士（2人，网络）由 张伟 接待（轮序）',
      '【悦府】来访：王女士（2人，网络）由 张伟 接待（等候后接待）',
    ])
  })

  it('a failing robot does not hold up the check-in; the delivery is retried later, then given up after six tries', async () => {
    robot.answer = { status: 500, body: 'oops' }
    const outcome = await checkIn()
    expect(outcome).toMatchObject({ outcome: 'assigned', consultant: { id: consultant.id } })
    expect(robot.received).toHaveLength(0)

    expect(await world.deps.webhooks.deliverDue()).toBe(0)
    expect(robot.received).toHaveLength(1)
    expect(deliveries()[0]).toMatchObject({
      attempts: 1,
      lastError: 'HTTP 500',
      deliveredAt: null,
      failedAt: null,
      nextAttemptAt: new Date(now.getTime() + 10_000).toISOString(),
    })

    await world.deps.webhooks.deliverDue()
    expect(robot.received, 'not retried before it is due').toHaveLength(1)

    for (let attempt = 2; attempt <= 6; attempt++) {
      later(retryDelayMs(attempt - 1))
      await world.deps.webhooks.deliverDue()
      expect(robot.received).toHaveLength(attempt)
      expect(deliveries()[0]!.attempts).toBe(attempt)
      expect(deliveries()[0]!.failedAt).toBe(attempt === 6 ? now.toISOString() : null)
    }
    later(24 * 3600_000)
    await world.deps.webhooks.deliverDue()
    expect(robot.received, 'given up: never tried again').toHaveLength(6)
  })

  it('backs off 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min between tries', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([10_000, 30_000, 90_000, 270_000, 810_000])
  })

  it('a robot that answers 200 with an error code has refused the message: it is retried', async () => {
    robot.answer = { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' }
    await checkIn()
    expect(await world.deps.webhooks.deliverDue()).toBe(0)
    expect(deliveries()[0]).toMatchObject({
      attempts: 1,
      deliveredAt: null,
      lastError: 'errcode 93000: invalid webhook url',
    })
    robot.answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' }
    later(10_000)
    expect(await world.deps.webhooks.deliverDue()).toBe(1)
    expect(deliveries()[0]).toMatchObject({ attempts: 2, deliveredAt: now.toISOString() })
  })

  it('a project without a webhook writes no delivery', async () => {
    await world.asUser(manager).projects.update({ projectId: project.id, webhookUrl: null })
    await checkIn()
    expect(deliveries()).toEqual([])
  })
})
