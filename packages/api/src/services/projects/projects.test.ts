import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { channels, projects } from '@anchang/db'
import { DEFAULT_SETTINGS } from '@anchang/shared'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'

let world: TestWorld
let director: TestUser
beforeEach(async () => {
  world = createTestWorld()
  director = await world.createUser({ role: 'director', projectIds: [] })
})
afterEach(() => world.close())

const projectCount = () => world.rowCount('projects')
const storedChannels = (projectId: string) =>
  world.database.db
    .select({ name: channels.name, active: channels.active })
    .from(channels)
    .where(eq(channels.projectId, projectId))
    .orderBy(asc(channels.name))
    .all()

describe('projects.create', () => {
  it('makes the director a member who sees and opens the new project, with its channels in order', async () => {
    const { id } = await world.asUser(director).projects.create({
      code: 'YUEFU',
      name: '悦府',
      timeZone: 'Asia/Shanghai',
      channels: ['网络', '自然来访', '老带新'],
    })
    const caller = world.asUser(director)
    expect((await caller.projects.list()).map((p) => p.id)).toEqual([id])
    expect((await caller.auth.me()).user.projects).toEqual([{ id, code: 'YUEFU', name: '悦府' }])
    const project = await caller.projects.get({ projectId: id })
    expect(project).toMatchObject({ code: 'YUEFU', name: '悦府', timeZone: 'Asia/Shanghai' })
    expect(project.channels).toEqual(['网络', '自然来访', '老带新'])
    expect(project.settings).toEqual(DEFAULT_SETTINGS)
  })

  it('refuses an unknown time zone with a sentence naming it, and creates nothing', async () => {
    const before = projectCount()
    const error = await failureOf(
      world
        .asUser(director)
        .projects.create({ code: 'MARS', name: '火星', timeZone: 'Mars/Olympus', channels: ['网络'] }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('时区“Mars/Olympus”无法识别，请填写如 Asia/Shanghai 的时区名。')
    expect(sentenceOf(error, 'en')).toBe(
      'The time zone "Mars/Olympus" is not known; use a name such as Asia/Shanghai.',
    )
    expect(projectCount()).toBe(before)
  })

  it('refuses a code already in use, naming it', async () => {
    world.createProject({ code: 'TAKEN' })
    const error = await failureOf(
      world.asUser(director).projects.create({ code: 'TAKEN', name: '重复', channels: ['网络'] }),
    )
    expect(error?.code).toBe('CONFLICT')
    expect(sentenceOf(error)).toContain('TAKEN')
  })

  it('refuses a channel listed twice, naming it', async () => {
    const error = await failureOf(
      world
        .asUser(director)
        .projects.create({ code: 'TWICE', name: '重复渠道', channels: ['网络', '老带新', '网络'] }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toContain('网络')
  })

  it('defaults the time zone to Asia/Shanghai', async () => {
    const { id } = await world
      .asUser(director)
      .projects.create({ code: 'DEFTZ', name: '默认时区', channels: ['网络'] })
    expect((await world.asUser(director).projects.get({ projectId: id })).timeZone).toBe('Asia/Shanghai')
  })
})

describe('projects.update', () => {
  let project: { id: string }
  let manager: TestUser
  beforeEach(async () => {
    project = world.createProject({ channels: ['自然来访', '老带新', '网络', '户外广告'] })
    manager = await world.createUser({ role: 'manager', projectIds: [project.id] })
  })

  it('removing a channel keeps it, inactive, for the history; the kept ones take the new order', async () => {
    const updated = await world.asUser(manager).projects.update({
      projectId: project.id,
      channels: ['网络', '自然来访', '户外广告'],
    })
    expect(updated.channels).toEqual(['网络', '自然来访', '户外广告'])
    expect((await world.asUser(manager).projects.get({ projectId: project.id })).channels).toEqual([
      '网络',
      '自然来访',
      '户外广告',
    ])
    expect(storedChannels(project.id)).toContainEqual({ name: '老带新', active: false })
  })

  it('a channel put back comes back active in its new place, not as a second copy', async () => {
    await world.asUser(manager).projects.update({ projectId: project.id, channels: ['自然来访'] })
    const updated = await world
      .asUser(manager)
      .projects.update({ projectId: project.id, channels: ['老带新', '自然来访'] })
    expect(updated.channels).toEqual(['老带新', '自然来访'])
    expect(storedChannels(project.id).filter((c) => c.name === '老带新')).toEqual([
      { name: '老带新', active: true },
    ])
  })

  it('a kiosk shows the updated channels', async () => {
    const kiosk = world.createDevice({ projectId: project.id, kind: 'kiosk' })
    await world.asUser(manager).projects.update({ projectId: project.id, channels: ['中介渠道', '网络'] })
    expect((await world.asDevice(kiosk).devices.me()).channels).toEqual(['中介渠道', '网络'])
  })

  it('changes the name and leaves what was not sent as it was', async () => {
    const before = await world.asUser(manager).projects.get({ projectId: project.id })
    const updated = await world.asUser(manager).projects.update({ projectId: project.id, name: '新名字' })
    expect(updated).toMatchObject({ name: '新名字', timeZone: before.timeZone, channels: before.channels })
  })

  it('refuses an unknown time zone and keeps the old one', async () => {
    const error = await failureOf(
      world.asUser(manager).projects.update({ projectId: project.id, timeZone: 'Asia/Atlantis' }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toContain('Asia/Atlantis')
    expect((await world.asUser(manager).projects.get({ projectId: project.id })).timeZone).toBe(
      'Asia/Shanghai',
    )
  })

  it('sets and clears the webhook address; it is never read back, only shown masked to managers', async () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key-a1b2'
    const saved = await world.asUser(manager).projects.update({ projectId: project.id, webhookUrl: url })
    expect(saved).toMatchObject({ webhook: { masked: 'https://qyapi.weixin.qq.com/…a1b2' } })
    expect(JSON.stringify(saved)).not.toContain('secret-robot-key')
    const stored = world.database.db
      .select({ url: projects.webhookUrl })
      .from(projects)
      .where(eq(projects.id, project.id))
      .get()
    expect(stored?.url, 'the server still has it to post to').toBe(url)
    const renamed = await world
      .asUser(manager)
      .projects.update({ projectId: project.id, name: '改名不动通知地址' })
    expect(renamed).toMatchObject({ webhook: { masked: 'https://qyapi.weixin.qq.com/…a1b2' } })
    expect(
      (await world.asUser(manager).projects.update({ projectId: project.id, webhookUrl: null })).webhook,
    ).toBeNull()
  })

  it('a consultant or an assistant reading the project learns nothing of the webhook', async () => {
    await world.asUser(manager).projects.update({
      projectId: project.id,
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t0k3n',
    })
    for (const role of ['consultant', 'assistant'] as const) {
      const reader = await world.createUser({ role, projectIds: [project.id] })
      const seen = await world.asUser(reader).projects.get({ projectId: project.id })
      expect(seen, role).not.toHaveProperty('webhook')
      expect(JSON.stringify(seen)).not.toMatch(/dingtalk|t0k3n/)
    }
  })

  it.each([
    'http://localhost:8080/hook',
    'http://127.0.0.1/hook',
    'http://2130706433/hook',
    'http://0x7f.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://192.168.1.10/robot',
    'https://172.20.0.5/robot',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://printer.local/hook',
    'http://0.0.0.0/hook',
  ])('refuses %s: the server must not be pointed at its own network', async (webhookUrl) => {
    const error = await failureOf(
      world.asUser(manager).projects.update({ projectId: project.id, webhookUrl }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toMatch(/^通知地址不能指向本机或内网地址/)
    expect((await world.asUser(manager).projects.get({ projectId: project.id })).webhook).toBeNull()
  })

  it('accepts a public address and a host name as written (it is not resolved), and private ones when the server allows them', async () => {
    for (const webhookUrl of [
      'https://open.feishu.cn/open-apis/bot/v2/hook/abcd',
      'https://robot.internal.example.com/hook',
      'https://8.8.8.8/hook',
    ]) {
      expect(
        await outcomeOf(world.asUser(manager).projects.update({ projectId: project.id, webhookUrl })),
        webhookUrl,
      ).toBe('OK')
    }
    world.deps.config.allowPrivateWebhooks = true
    expect(
      await outcomeOf(
        world
          .asUser(manager)
          .projects.update({ projectId: project.id, webhookUrl: 'http://192.168.1.10/robot' }),
      ),
    ).toBe('OK')
  })

  it('refuses a webhook address that is not http(s), naming the field', async () => {
    const error = await failureOf(
      world.asUser(manager).projects.update({ projectId: project.id, webhookUrl: 'javascript:alert(1)' }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toContain('通知地址')
  })
})

describe('projects.updateSettings', () => {
  let project: { id: string }
  let manager: TestUser
  beforeEach(async () => {
    project = world.createProject()
    manager = await world.createUser({ role: 'manager', projectIds: [project.id] })
  })

  it('merges each patch into what is stored and keeps the defaults of everything else', async () => {
    const caller = world.asUser(manager)
    await caller.projects.updateSettings({
      projectId: project.id,
      settings: { rotation: { undoWindowMinutes: 5 } },
    })
    await caller.projects.updateSettings({
      projectId: project.id,
      settings: { ownership: { protectionDays: 60 } },
    })
    await caller.projects.updateSettings({
      projectId: project.id,
      settings: { rotation: { separateCallQueue: true } },
    })
    const { settings } = await caller.projects.get({ projectId: project.id })
    expect(settings).toEqual({
      rotation: { ...DEFAULT_SETTINGS.rotation, undoWindowMinutes: 5, separateCallQueue: true },
      ownership: { ...DEFAULT_SETTINGS.ownership, protectionDays: 60 },
      sales: DEFAULT_SETTINGS.sales,
      reports: DEFAULT_SETTINGS.reports,
    })
  })

  it('takes a patch of one break reason or one grade and keeps the others', async () => {
    const caller = world.asUser(manager)
    await caller.projects.updateSettings({
      projectId: project.id,
      settings: { rotation: { breakKeepsPlace: { lunch: false } }, ownership: { followUpDays: { A: 2 } } },
    })
    const { settings } = await caller.projects.get({ projectId: project.id })
    expect(settings.rotation.breakKeepsPlace).toEqual({
      ...DEFAULT_SETTINGS.rotation.breakKeepsPlace,
      lunch: false,
    })
    expect(settings.ownership.followUpDays).toEqual({ ...DEFAULT_SETTINGS.ownership.followUpDays, A: 2 })
  })

  it('answers the settings as they now are', async () => {
    const settings = await world
      .asUser(manager)
      .projects.updateSettings({ projectId: project.id, settings: { ownership: { protectionDays: 45 } } })
    expect(settings.ownership.protectionDays).toBe(45)
    expect(settings.rotation).toEqual(DEFAULT_SETTINGS.rotation)
  })

  it('refuses a value out of range, naming the field, and keeps the old value', async () => {
    const error = await failureOf(
      world.asUser(manager).projects.updateSettings({
        projectId: project.id,
        settings: { rotation: { undoWindowMinutes: 90 } },
      }),
    )
    expect(error?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(error)).toBe('撤销时限（分钟）不能大于 60。')
    expect(sentenceOf(error, 'en')).toBe('Undo window (minutes) must be at most 60.')
    expect((await world.asUser(manager).projects.get({ projectId: project.id })).settings).toEqual(
      DEFAULT_SETTINGS,
    )
  })

  it.each([
    [{ rotation: { undoWindowMinutes: 1e20 } }, '撤销时限（分钟）不能大于 60。'],
    [{ ownership: { protectionDays: -1e20 } }, '保护期（天）不能小于 1。'],
    [
      { ownership: { followUpDays: { A: Number.MAX_SAFE_INTEGER + 2 } } },
      '跟进周期（天）（A 级）不能大于 365。',
    ],
    [{ rotation: { breakKeepsPlace: { lunch: 'yes' } } }, '暂离保留位置（午餐）应为是或否。'],
  ])(
    'words an absurd setting %j as a sentence with its own bound, never the integer limit',
    async (settings, sentence) => {
      const error = await failureOf(
        world.asUser(manager).projects.updateSettings({ projectId: project.id, settings } as never),
      )
      expect(error?.code).toBe('BAD_REQUEST')
      expect(sentenceOf(error)).toBe(sentence)
      expect(sentenceOf(error)).not.toMatch(/9007199254740991/)
    },
  )

  it('a manager of another project cannot change these settings', async () => {
    const other = world.createProject()
    const stranger = await world.createUser({ role: 'manager', projectIds: [other.id] })
    expect(
      await outcomeOf(
        world
          .asUser(stranger)
          .projects.updateSettings({ projectId: project.id, settings: { ownership: { protectionDays: 1 } } }),
      ),
    ).toBe('FORBIDDEN')
    expect((await world.asUser(manager).projects.get({ projectId: project.id })).settings).toEqual(
      DEFAULT_SETTINGS,
    )
  })
})

describe('projects.list and projects.get', () => {
  it('lists only the caller’s projects', async () => {
    const mine = world.createProject({ code: 'MINE' })
    world.createProject({ code: 'THEIRS' })
    const consultant = await world.createUser({ role: 'consultant', projectIds: [mine.id] })
    expect((await world.asUser(consultant).projects.list()).map((p) => p.code)).toEqual(['MINE'])
  })

  it('a project that does not exist is FORBIDDEN to a non-member rather than revealed', async () => {
    expect(await outcomeOf(world.asUser(director).projects.get({ projectId: 'no-such-project' }))).toBe(
      'FORBIDDEN',
    )
  })
})
