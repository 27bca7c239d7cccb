import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { devices } from '@anchang/db'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'

let world: TestWorld
let project: { id: string; code: string }
let manager: TestUser
beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject({ channels: ['自然来访', '老带新'] })
  manager = await world.createUser({ role: 'manager', projectIds: [project.id] })
})
afterEach(() => world.close())

const MINUTE = 60_000
const at = (minutes: number, start: Date) => new Date(start.getTime() + minutes * MINUTE)
const asToken = (token: string) => world.asDevice({ token })

describe('devices.pair and devices.revoke', () => {
  it('a paired device’s token works as its Bearer: devices.me names it, its project and channels', async () => {
    const { deviceId, token } = await world
      .asUser(manager)
      .devices.pair({ projectId: project.id, kind: 'kiosk', name: '前台一号' })
    const me = await asToken(token).devices.me()
    expect(me.device).toEqual({ id: deviceId, kind: 'kiosk', projectId: project.id, name: '前台一号' })
    expect(me.project).toMatchObject({ id: project.id, code: project.code, timeZone: 'Asia/Shanghai' })
    expect(me.channels).toEqual(['自然来访', '老带新'])
  })

  it('keeps only a hash of the token', async () => {
    const { token } = await world
      .asUser(manager)
      .devices.pair({ projectId: project.id, kind: 'board', name: '看板' })
    const stored = JSON.stringify(world.database.db.select().from(devices).all())
    expect(stored).not.toContain(token)
  })

  it('a revoked token stops working at once, with UNAUTHORIZED and a sentence saying what to do', async () => {
    const { deviceId, token } = await world
      .asUser(manager)
      .devices.pair({ projectId: project.id, kind: 'kiosk', name: '前台一号' })
    expect(await outcomeOf(asToken(token).devices.me())).toBe('OK')
    expect(await world.asUser(manager).devices.revoke({ deviceId })).toEqual({ ok: true })
    const error = await failureOf(asToken(token).devices.me())
    expect(error?.code).toBe('UNAUTHORIZED')
    expect(sentenceOf(error)).toBe('这台设备未配对或已被撤销，请让经理重新配对。')
    const listed = await world.asUser(manager).devices.list({ projectId: project.id })
    expect(listed.find((d) => d.id === deviceId)?.revokedAt).toBeTruthy()
  })

  it('revoking one device leaves the others working', async () => {
    const first = world.createDevice({ projectId: project.id, kind: 'kiosk' })
    const second = world.createDevice({ projectId: project.id, kind: 'board' })
    await world.asUser(manager).devices.revoke({ deviceId: first.id })
    expect(await outcomeOf(world.asDevice(second).devices.me())).toBe('OK')
  })

  it('a manager of another project cannot revoke this project’s device, which keeps working', async () => {
    const other = world.createProject()
    const stranger = await world.createUser({ role: 'manager', projectIds: [other.id] })
    const kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
    expect(await outcomeOf(world.asUser(stranger).devices.revoke({ deviceId: kiosk.id }))).toBe('FORBIDDEN')
    expect(await outcomeOf(world.asDevice(kiosk).devices.me())).toBe('OK')
  })

  it('an unknown device is NOT_FOUND', async () => {
    expect(await outcomeOf(world.asUser(manager).devices.revoke({ deviceId: 'no-such-device' }))).toBe(
      'NOT_FOUND',
    )
  })

  it('devices.list shows this project’s devices only', async () => {
    const mine = world.createDevice({ projectId: project.id, kind: 'kiosk' })
    world.createDevice({ projectId: world.createProject().id, kind: 'kiosk' })
    const listed = await world.asUser(manager).devices.list({ projectId: project.id })
    expect(listed.map((d) => d.id)).toEqual([mine.id])
  })
})

describe('pairing codes', () => {
  const newCode = () =>
    world
      .asUser(manager)
      .devices.createPairingCode({ projectId: project.id, kind: 'board', name: '大厅看板' })

  it('gives a 6-digit code valid for 10 minutes', async () => {
    const start = world.deps.clock()
    const { code, expiresAt } = await newCode()
    expect(code).toMatch(/^\d{6}$/)
    expect(expiresAt).toBe(at(10, start).toISOString())
  })

  it('a screen trades the code for a working device token of the kind and name the manager chose', async () => {
    const { code } = await newCode()
    const claimed = await world.anonymous().devices.claim({ code })
    expect(claimed).toMatchObject({ kind: 'board', name: '大厅看板', projectId: project.id })
    const me = await asToken(claimed.token).devices.me()
    expect(me.device).toMatchObject({
      id: claimed.deviceId,
      kind: 'board',
      name: '大厅看板',
      projectId: project.id,
    })
    const listed = await world.asUser(manager).devices.list({ projectId: project.id })
    expect(listed.map((d) => d.id)).toContain(claimed.deviceId)
  })

  it('a code works once', async () => {
    const { code } = await newCode()
    expect(await outcomeOf(world.anonymous().devices.claim({ code }))).toBe('OK')
    const again = await failureOf(world.anonymous().devices.claim({ code }))
    expect(again?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(again)).toBe('配对码不正确或已过期，请在管理后台重新生成。')
  })

  it('a code still works just before 10 minutes and no longer after', async () => {
    const start = world.deps.clock()
    const early = await newCode()
    const late = await newCode()
    world.setNow(at(9.9, start))
    expect(await outcomeOf(world.anonymous().devices.claim({ code: early.code }))).toBe('OK')
    world.setNow(at(10, start))
    expect(await outcomeOf(world.anonymous().devices.claim({ code: late.code }))).toBe('BAD_REQUEST')
  })

  it('after 10 wrong codes the address must wait, even with a right code, and is told how long', async () => {
    const start = world.deps.clock()
    const { code } = await newCode()
    const wrong = code === '000000' ? '000001' : '000000'
    for (let i = 0; i < 10; i++) {
      expect(await outcomeOf(world.anonymous().devices.claim({ code: wrong }))).toBe('BAD_REQUEST')
    }
    const locked = await failureOf(world.anonymous().devices.claim({ code }))
    expect(locked?.code).toBe('TOO_MANY_REQUESTS')
    expect(sentenceOf(locked)).toBe('配对码输错次数过多，请 15 分钟后再试。')

    world.setNow(at(9, start))
    const { code: fresh } = await newCode()
    world.setNow(at(16, start))
    expect(
      await outcomeOf(world.anonymous().devices.claim({ code: fresh })),
      'the lock lifts after 15 minutes',
    ).toBe('OK')
  })

  it('refuses a code that is not 6 digits, naming the field', async () => {
    const error = await failureOf(world.anonymous().devices.claim({ code: '12-34' }))
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toContain('6 位数字')
  })

  it('a code for the other kind of screen is refused before it is used up, and still pairs the right screen', async () => {
    const { code, pairingId } = await newCode()
    const error = await failureOf(world.anonymous().devices.claim({ code, kind: 'kiosk' }))
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe(
      '这个配对码是给轮序大屏的，不能用在前台自助机上，请在管理后台为前台自助机生成配对码。',
    )
    expect(await world.asUser(manager).devices.list({ projectId: project.id })).toEqual([])
    const status = () => world.asUser(manager).devices.pairingStatus({ projectId: project.id, pairingId })
    expect(await status()).toMatchObject({ claimedAt: null, deviceId: null })
    const claimed = await world.anonymous().devices.claim({ code, kind: 'board' })
    expect(await status()).toMatchObject({ deviceId: claimed.deviceId })
  })

  it('a screen that unpairs itself stops working at once', async () => {
    const { code } = await newCode()
    const { token } = await world.anonymous().devices.claim({ code })
    await asToken(token).devices.unpair()
    expect((await failureOf(asToken(token).devices.me()))?.code).toBe('UNAUTHORIZED')
  })
})
