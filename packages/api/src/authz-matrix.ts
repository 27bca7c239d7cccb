/**
 * Who may call what: one row per procedure of `appRouter`, with an input that would succeed for an
 * allowed caller and the actors allowed to call it. `authz-matrix.test.ts` calls every procedure as
 * every actor. A new procedure must add its row here (the type and the test both insist).
 * Not used by the running server.
 */
import { TRPCError } from '@trpc/server'
import { eq } from 'drizzle-orm'
import { auditLog, customers, newId, ownershipConflicts, pairingCodes, sha256 } from '@anchang/db'
import ExcelJS from 'exceljs'
import {
  CONSENT_VERSION,
  IMPORT_COLUMNS,
  PAIRING_CODE_MINUTES,
  addDays,
  localDate,
  type Locale,
} from '@anchang/shared'
import { errorMessage } from './errors'
import { appRouter, type RouterInputs } from './root'
import { createTestWorld, TEST_PASSWORD, type TestUser, type TestWorld } from './testing'

export const AUTHZ_ACTORS = [
  'director',
  'manager',
  'assistant',
  'consultant',
  'channel',
  'kiosk',
  'board',
  'stranger',
  'anonymous',
] as const
export type AuthzActor = (typeof AUTHZ_ACTORS)[number]

export interface AuthzFixture {
  world: TestWorld
  /** The project every call is about. */
  projectA: { id: string; code: string }
  /** The stranger's project. */
  projectB: { id: string; code: string }
  people: Record<'director' | 'manager' | 'assistant' | 'consultant' | 'channel' | 'stranger', TestUser>
  devices: Record<'kiosk' | 'board', { id: string; token: string }>
  /** A consultant of project A whom managers may rename, reset or deactivate. */
  targetStaff: TestUser
  /** A kiosk of project A that may be revoked without cutting off the `kiosk` actor. */
  targetDevice: { id: string; token: string }
  /** An open pairing code for a board of project A. */
  pairingCode: string
  /** That pairing code's id, as the pairing dialog polls it. */
  pairingId: string
  /** The kiosk PIN of `people.consultant`, who is signed in today and free. */
  consultantPin: string
  /** Today in project A (Asia/Shanghai). */
  today: string
  /** Yesterday's reception by `people.consultant`, still open: theirs to finish and to appeal. */
  consultantReceptionId: string
  /** A consultant of project A receiving a visitor today. */
  receiver: TestUser
  /** Today's open reception held by `receiver`, assigned just now (within the undo window). */
  openReceptionId: string
  /** A visitor waiting today. */
  waitingId: string
  /** An open appeal by `receiver` about `openReceptionId`. */
  appealId: string
  /** Now, as the test world's clock reads it. */
  now: string
  /** `people.consultant`'s protected customer, with an overdue follow-up. */
  ownedCustomerId: string
  /** A customer whose protection ended: in the pool. */
  poolCustomerId: string
  /** `receiver`'s try at registering `ownedCustomerId`, open for a manager to rule on. */
  conflictId: string
  /** The channel partner's report of a number not yet seen. */
  reportId: string
  /** The director's questionnaire running today, of two questions. */
  surveyId: string
  /** The manager's import of a two-row spreadsheet, uploaded and checked, waiting to be confirmed. */
  importId: string
  /** Units of project A: `free` is available, `spare` too (for a special-price request). */
  units: { free: string; spare: string }
  /** `people.consultant`'s subscription of `ownedCustomerId`, with its deposit received (`receiptNo`). */
  dealId: string
  receiptNo: string
  /** A signed deal of `people.consultant`'s. */
  signedDealId: string
  /** A pending special-price request by `people.consultant` on `units.free`. */
  specialId: string
  /** A pending cancellation of a third deal, waiting for the director. */
  changeId: string
  /** Yesterday's daily report, prepared by the assistant, waiting for sign-off. */
  preparedReportId: string
  /** The day before's, signed off by the manager, waiting to be marked submitted. */
  signedOffReportId: string
}

const DAY_MS = 86_400_000

/**
 * Project A with one person of each role and a kiosk and board; the stranger manages project B.
 *
 * Project A's rotation is mid-day, so every rotation and reception procedure has something to act on:
 * - yesterday `people.consultant` took a visitor and left the reception open;
 * - today `receiver` is receiving a visitor (`openReceptionId`, just assigned) and has appealed it;
 * - today `people.consultant` is signed in and free but has an overdue follow-up, and the project
 *   keeps such consultants out of the rotation: so a visitor waits (`waitingId`); then the
 *   follow-up is dated on, so someone is free to take over a missed turn.
 * The audit log starts empty: this setup is not what the tests audit.
 */
export async function createAuthzFixture(): Promise<AuthzFixture> {
  const world = createTestWorld()
  const projectA = world.createProject()
  const projectB = world.createProject()
  const consultantPin = '2468'
  const member = (role: TestUser['role']) => world.createUser({ role, projectIds: [projectA.id] })
  const people = {
    director: await member('director'),
    manager: await member('manager'),
    assistant: await member('assistant'),
    consultant: await world.createUser({ role: 'consultant', projectIds: [projectA.id], pin: consultantPin }),
    channel: await member('channel'),
    stranger: await world.createUser({ role: 'manager', projectIds: [projectB.id] }),
  }
  const receiver = await member('consultant')
  const pairingCode = '482913'
  const pairingId = newId()
  const now = world.deps.clock()
  const { db } = world.database
  db.insert(pairingCodes)
    .values({
      id: pairingId,
      projectId: projectA.id,
      kind: 'board',
      name: '大厅看板',
      codeHash: sha256(pairingCode),
      createdBy: people.manager.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString(),
    })
    .run()
  const kiosk = world.createDevice({ projectId: projectA.id, kind: 'kiosk' })
  const checkIn = (phone: string) =>
    world.asDevice(kiosk).kiosk.checkIn({ phone, consentVersion: CONSENT_VERSION })

  world.setNow(new Date(now.getTime() - DAY_MS))
  await world.asUser(people.consultant).rotation.signIn({ projectId: projectA.id })
  const yesterday = await checkIn('13900000001')
  world.setNow(now)

  await world.asUser(people.manager).projects.updateSettings({
    projectId: projectA.id,
    settings: { rotation: { overdueFollowUpsBlock: true } },
  })
  const ownedCustomerId = newId()
  const poolCustomerId = newId()
  db.insert(customers)
    .values({
      id: poolCustomerId,
      projectId: projectA.id,
      phone: '13900000008',
      ownerId: people.consultant.id,
      grade: 'C',
      lastContactAt: new Date(now.getTime() - 40 * DAY_MS).toISOString(),
      protectionEndsAt: new Date(now.getTime() - 10 * DAY_MS).toISOString(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .run()
  db.insert(customers)
    .values({
      id: ownedCustomerId,
      projectId: projectA.id,
      phone: '13900000009',
      ownerId: people.consultant.id,
      grade: 'A',
      lastContactAt: new Date(now.getTime() - 10 * DAY_MS).toISOString(),
      protectionEndsAt: new Date(now.getTime() + 20 * DAY_MS).toISOString(),
      // Grade A is followed up every 3 days: this one was due a week ago.
      followUpDueOn: localDate(new Date(now.getTime() - 7 * DAY_MS), 'Asia/Shanghai'),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .run()
  await world.asUser(receiver).rotation.signIn({ projectId: projectA.id })
  const received = await checkIn('13900000002')
  await world.asUser(people.consultant).rotation.signIn({ projectId: projectA.id })
  const waiting = await checkIn('13900000003')
  // The follow-up is then brought up to date behind the rotation's back (as an import might), so
  // the consultant, no longer kept out, can take over a missed turn while the visitor still waits.
  db.update(customers).set({ followUpDueOn: '2099-01-01' }).where(eq(customers.id, ownedCustomerId)).run()
  const appeal = await world
    .asUser(receiver)
    .reception.appeal({ receptionId: received.receptionId!, text: '这位客户是我约来的' })
  const conflictId = newId()
  db.insert(ownershipConflicts)
    .values({
      id: conflictId,
      projectId: projectA.id,
      customerId: ownedCustomerId,
      claimantId: receiver.id,
      ownerId: people.consultant.id,
      source: 'register',
      at: now.toISOString(),
      status: 'open',
    })
    .run()
  const report = await world.asUser(people.channel).channelReports.create({
    projectId: projectA.id,
    phone: '13900000007',
    channel: '网络',
    agentName: '刘经纪',
  })
  const survey = await world.asUser(people.director).surveys.create({
    projectId: projectA.id,
    title: '样板间满意度',
    startsOn: localDate(now, 'Asia/Shanghai'),
    endsOn: localDate(now, 'Asia/Shanghai'),
    questions: [
      { kind: 'single', text: '从哪里知道本项目？', options: ['朋友', '网络'] },
      { kind: 'scale', text: '满意度', min: 1, max: 5 },
    ],
  })
  const importId = await checkedImport(world, people.manager, projectA.id)
  const sales = await dealsFixture(
    world,
    people,
    projectA.id,
    ownedCustomerId,
    localDate(now, 'Asia/Shanghai'),
  )
  if (
    yesterday.consultant?.id !== people.consultant.id ||
    received.consultant?.id !== receiver.id ||
    !waiting.waitingId
  ) {
    throw new Error('the authorization fixture did not set up the rotation it describes')
  }
  db.delete(auditLog).run()

  return {
    world,
    projectA,
    projectB,
    people,
    devices: {
      kiosk,
      board: world.createDevice({ projectId: projectA.id, kind: 'board' }),
    },
    targetStaff: await world.createUser({ role: 'consultant', projectIds: [projectA.id] }),
    targetDevice: world.createDevice({ projectId: projectA.id, kind: 'kiosk' }),
    pairingCode,
    pairingId,
    consultantPin,
    today: localDate(now, 'Asia/Shanghai'),
    consultantReceptionId: yesterday.receptionId!,
    receiver,
    openReceptionId: received.receptionId!,
    waitingId: waiting.waitingId,
    appealId: appeal.id,
    now: now.toISOString(),
    ownedCustomerId,
    poolCustomerId,
    conflictId,
    reportId: report.reportId,
    surveyId: survey.surveyId,
    importId,
    ...sales,
  }
}

/** Five units and three deals of `owner`'s customer, each in the state a row of the matrix acts on. */
async function dealsFixture(
  world: TestWorld,
  people: AuthzFixture['people'],
  projectId: string,
  customerId: string,
  today: string,
) {
  const unit = (room: string) => ({
    building: '1栋',
    entrance: '1单元',
    floor: Number(room.slice(0, -2)),
    room,
    layout: '三室两厅',
    areaM2: 98.5,
    listPriceFen: 300_000_000,
  })
  await world.asUser(people.manager).units.import({
    projectId,
    units: ['101', '102', '201', '202', '301'].map(unit),
  })
  const grid = await world.asUser(people.manager).units.grid({ projectId })
  const id = (room: string) => grid.find((u) => u.room === room)!.unitId
  const consultant = world.asUser(people.consultant)
  const subscribe = (room: string) =>
    consultant.deals.subscribe({
      unitId: id(room),
      customerId,
      paymentMethod: 'full',
      priceFen: 300_000_000,
      depositFen: 5_000_000,
      signBy: today,
    })
  const { dealId } = await subscribe('201')
  const { receiptNo } = await world.asUser(people.assistant).payments.record({
    dealId,
    amountFen: 5_000_000,
    method: 'transfer',
    paidOn: today,
    kind: 'deposit',
  })
  const { dealId: signedDealId } = await subscribe('202')
  await consultant.deals.sign({
    dealId: signedDealId,
    contractNo: 'HT-0001',
    schedule: [{ dueOn: today, amountFen: 300_000_000 }],
  })
  const { dealId: cancelling } = await subscribe('301')
  const { changeId } = await consultant.deals.requestChange({
    dealId: cancelling,
    kind: 'cancel',
    reason: '客户资金周转不开',
  })
  const { requestId: specialId } = await consultant.prices.requestSpecial({
    unitId: id('101'),
    customerId,
    paymentMethod: 'full',
    priceFen: 290_000_000,
    reason: '老业主介绍，申请 9.7 折',
  })
  const prepare = (date: string) =>
    world.asUser(people.assistant).reports.prepare({ projectId, date, comment: '请审核' })
  const { submissionId: preparedReportId } = await prepare(addDays(today, -1))
  const { submissionId: signedOffReportId } = await prepare(addDays(today, -2))
  await world.asUser(people.manager).reports.decide({ submissionId: signedOffReportId, approve: true })
  return {
    units: { free: id('101'), spare: id('102') },
    dealId,
    receiptNo,
    signedDealId,
    specialId,
    changeId,
    preparedReportId,
    signedOffReportId,
  }
}

let importFile: Promise<Buffer> | undefined
/** An old book as an .xlsx with the template's header; the one-row default is made once. */
export function oldBookXlsx(rows?: (string | number | Date)[][]): Promise<Buffer> {
  const make = async (list: (string | number | Date)[][]) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('客户')
    sheet.addRow(IMPORT_COLUMNS.map((c) => c.header['zh-CN']))
    for (const row of list) sheet.addRow(row)
    return Buffer.from(await book.xlsx.writeBuffer())
  }
  if (rows) return make(rows)
  return (importFile ??= make([['王建国', '13700137001', 'B', '', '', '', '老客户']]))
}

/** Starts, uploads and checks an import of `file` as `who`, waiting until the check is done. */
export async function checkedImport(
  world: TestWorld,
  who: TestUser,
  projectId: string,
  file?: Buffer,
): Promise<string> {
  const data = file ?? (await oldBookXlsx())
  const caller = world.asUser(who).customers
  const { importId, chunkBytes } = await caller.importStart({
    projectId,
    fileName: '老客户.xlsx',
    size: data.length,
  })
  for (let i = 0; i * chunkBytes < data.length; i++) {
    await caller.importPart({
      importId,
      index: i,
      data: data.subarray(i * chunkBytes, (i + 1) * chunkBytes).toString('base64'),
    })
  }
  let status = await caller.importCheck({ importId })
  while (status.phase === 'reading' || status.phase === 'checking') {
    await new Promise((resolve) => setTimeout(resolve, 5))
    status = await caller.importStatus({ importId })
  }
  return importId
}

type Caller = ReturnType<TestWorld['anonymous']>

/** Every procedure of `appRouter` by its path (`auth.login`), as tRPC keeps them at run time. */
export const PROCEDURES = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: 'query' | 'mutation' | 'subscription' } }
>

export function callerFor(fixture: AuthzFixture, actor: AuthzActor): Caller {
  const { world } = fixture
  switch (actor) {
    case 'kiosk':
    case 'board':
      return world.asDevice(fixture.devices[actor])
    case 'anonymous':
      return world.anonymous()
    default:
      return world.asUser(fixture.people[actor])
  }
}

type Namespace = keyof RouterInputs & string
export type ProcedurePath = { [N in Namespace]: `${N}.${keyof RouterInputs[N] & string}` }[Namespace]
type InputOf<P extends ProcedurePath> = P extends `${infer N extends Namespace}.${infer K}`
  ? K extends keyof RouterInputs[N]
    ? RouterInputs[N][K]
    : never
  : never

export interface AuthzRow<Input> {
  /** An input that succeeds when an allowed actor sends it. */
  input: (fixture: AuthzFixture) => Input
  allowed: readonly AuthzActor[]
}

const EVERYONE = AUTHZ_ACTORS
const PEOPLE = ['director', 'manager', 'assistant', 'consultant', 'channel', 'stranger'] as const
const MEMBERS = ['director', 'manager', 'assistant', 'consultant'] as const
const MANAGING = ['director', 'manager'] as const
const OFFICE = ['director', 'manager', 'assistant'] as const
const DEVICES = ['kiosk', 'board'] as const
/** A consultant in their own session, or a kiosk with that consultant's PIN. */
const ON_DUTY = ['consultant', 'kiosk'] as const
const BOARD_READERS = ['board', 'kiosk', ...MEMBERS] as const

export const AUTHZ_MATRIX: { [P in ProcedurePath]: AuthzRow<InputOf<P>> } = {
  'auth.login': {
    input: (f) => ({ username: f.people.consultant.username, password: TEST_PASSWORD }),
    allowed: EVERYONE,
  },
  'auth.me': { input: () => undefined, allowed: PEOPLE },
  'auth.session': { input: () => undefined, allowed: EVERYONE },
  'auth.logout': { input: () => undefined, allowed: PEOPLE },
  'auth.changePassword': {
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-2026' }),
    allowed: PEOPLE,
  },

  'staff.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: OFFICE },
  'staff.create': {
    input: (f) => ({
      username: 'new.consultant',
      name: '新顾问',
      role: 'consultant',
      password: 'first-password',
      projectIds: [f.projectA.id],
      pin: '7731',
    }),
    allowed: MANAGING,
  },
  'staff.update': { input: (f) => ({ userId: f.targetStaff.id, name: '改过的名字' }), allowed: MANAGING },
  'staff.resetPassword': {
    input: (f) => ({ userId: f.targetStaff.id, newPassword: 'reset-password-1' }),
    allowed: MANAGING,
  },
  'staff.setActive': { input: (f) => ({ userId: f.targetStaff.id, active: false }), allowed: MANAGING },

  'projects.list': { input: () => undefined, allowed: PEOPLE },
  'projects.get': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },
  'projects.create': {
    input: () => ({
      code: 'NEW-1',
      name: '新项目',
      timeZone: 'Asia/Shanghai',
      channels: ['自然来访', '网络'],
    }),
    allowed: ['director'],
  },
  'projects.update': { input: (f) => ({ projectId: f.projectA.id, name: '改名的项目' }), allowed: MANAGING },
  'projects.updateSettings': {
    input: (f) => ({ projectId: f.projectA.id, settings: { rotation: { undoWindowMinutes: 5 } } }),
    allowed: MANAGING,
  },

  'devices.pair': {
    input: (f) => ({ projectId: f.projectA.id, kind: 'kiosk', name: '二号前台' }),
    allowed: MANAGING,
  },
  'devices.revoke': { input: (f) => ({ deviceId: f.targetDevice.id }), allowed: MANAGING },
  'devices.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: MANAGING },
  'devices.createPairingCode': {
    input: (f) => ({ projectId: f.projectA.id, kind: 'board', name: '二号看板' }),
    allowed: MANAGING,
  },
  'devices.pairingStatus': {
    input: (f) => ({ projectId: f.projectA.id, pairingId: f.pairingId }),
    allowed: MANAGING,
  },
  'devices.claim': { input: (f) => ({ code: f.pairingCode }), allowed: EVERYONE },
  'devices.me': { input: () => undefined, allowed: DEVICES },

  'devices.unpair': { input: () => undefined, allowed: DEVICES },

  'audit.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: ['director'] },

  'rotation.signIn': { input: (f) => ({ projectId: f.projectA.id, pin: f.consultantPin }), allowed: ON_DUTY },
  'rotation.setBreak': {
    input: (f) => ({ projectId: f.projectA.id, pin: f.consultantPin, onBreak: true, reason: 'lunch' }),
    allowed: ON_DUTY,
  },
  'rotation.signOut': {
    input: (f) => ({ projectId: f.projectA.id, pin: f.consultantPin }),
    allowed: ON_DUTY,
  },
  'rotation.board': { input: (f) => ({ projectId: f.projectA.id }), allowed: BOARD_READERS },
  'rotation.onChange': { input: (f) => ({ projectId: f.projectA.id }), allowed: BOARD_READERS },
  'rotation.override': {
    input: (f) => ({
      projectId: f.projectA.id,
      action: 'grantTurn',
      consultantId: f.people.consultant.id,
      reason: '昨天的客户是他接的',
    }),
    allowed: MANAGING,
  },
  'rotation.missedTurn': {
    input: (f) => ({ projectId: f.projectA.id, receptionId: f.openReceptionId, reason: '没有上前接待' }),
    allowed: MANAGING,
  },
  'rotation.undo': {
    input: (f) => ({ projectId: f.projectA.id, receptionId: f.openReceptionId, reason: '分错了人' }),
    allowed: MANAGING,
  },
  'rotation.leaveLine': {
    input: (f) => ({ projectId: f.projectA.id, waitingId: f.waitingId, reason: '客户等不及先走了' }),
    allowed: MANAGING,
  },
  'rotation.signOutConsultant': {
    input: (f) => ({ projectId: f.projectA.id, consultantId: f.receiver.id, reason: '身体不适，提前下班' }),
    allowed: MANAGING,
  },
  'rotation.mine': { input: (f) => ({ projectId: f.projectA.id }), allowed: ['consultant'] },
  'rotation.onNotice': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },

  'kiosk.checkIn': {
    input: () => ({
      phone: '13900000004',
      surname: '王',
      title: '女士',
      partySize: 2,
      consentVersion: CONSENT_VERSION,
    }),
    allowed: ['kiosk'],
  },
  'kiosk.identify': { input: (f) => ({ pin: f.consultantPin }), allowed: ['kiosk'] },
  'kiosk.welcome': { input: () => ({ phone: '13900000004' }), allowed: ['kiosk'] },
  'reception.startCall': {
    input: (f) => ({ projectId: f.projectA.id, phone: '13900000005' }),
    allowed: MEMBERS,
  },
  'reception.finish': {
    input: (f) => ({
      receptionId: f.consultantReceptionId,
      result: 'valid',
      grade: 'B',
      note: '看了两套三居',
    }),
    allowed: ['consultant'],
  },
  'reception.log': { input: (f) => ({ projectId: f.projectA.id, date: f.today }), allowed: MANAGING },
  'reception.events': { input: (f) => ({ projectId: f.projectA.id, date: f.today }), allowed: MANAGING },
  'reception.appeal': {
    input: (f) => ({ receptionId: f.consultantReceptionId, text: '客户是老客户，应当算我的' }),
    allowed: ['consultant'],
  },
  'reception.appeals': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },
  'reception.answerAppeal': {
    input: (f) => ({ appealId: f.appealId, accepted: true, answer: '情况属实，补一个轮次', grantTurn: true }),
    allowed: MANAGING,
  },

  'customers.search': { input: (f) => ({ projectId: f.projectA.id, q: '139' }), allowed: MEMBERS },
  'customers.get': { input: (f) => ({ customerId: f.ownedCustomerId }), allowed: MEMBERS },
  'customers.list': { input: (f) => ({ projectId: f.projectA.id, scope: 'pool' }), allowed: MEMBERS },
  'customers.register': {
    input: (f) => ({ projectId: f.projectA.id, phone: '13900000006', surname: '陈', kind: 'call' }),
    allowed: ['consultant'],
  },
  'customers.update': {
    input: (f) => ({ customerId: f.ownedCustomerId, tags: ['学区房'], notes: '想要三居' }),
    allowed: ['consultant', ...MANAGING],
  },
  'customers.followUp': {
    input: (f) => ({
      customerId: f.ownedCustomerId,
      method: 'wechat',
      happenedAt: f.now,
      note: '发了样板间视频',
    }),
    allowed: ['consultant', ...MANAGING],
  },
  'customers.claim': { input: (f) => ({ customerId: f.poolCustomerId }), allowed: ['consultant'] },
  'customers.assign': {
    input: (f) => ({ customerIds: [f.poolCustomerId], consultantId: f.receiver.id, reason: '公客池分配' }),
    allowed: MANAGING,
  },
  'customers.reassignLeaving': {
    input: (f) => ({
      projectId: f.projectA.id,
      fromConsultantId: f.people.consultant.id,
      toConsultantIds: [f.receiver.id],
      reason: '离职交接',
    }),
    allowed: MANAGING,
  },
  'customers.conflicts': { input: (f) => ({ projectId: f.projectA.id }), allowed: MANAGING },
  'customers.resolveConflict': {
    input: (f) => ({
      conflictId: f.conflictId,
      ownerId: f.people.consultant.id,
      reason: '原置业顾问一直在跟进',
    }),
    allowed: MANAGING,
  },

  'customers.registerVisit': {
    input: (f) => ({
      customerId: f.ownedCustomerId,
      happenedAt: f.now,
      answers: { sex: 'female', visitKind: 'repeat', heardFrom: ['online'] },
      grade: 'B',
    }),
    allowed: ['consultant', ...MANAGING],
  },
  'customers.lateEntries': {
    input: (f) => ({ projectId: f.projectA.id, from: f.today, to: f.today }),
    allowed: OFFICE,
  },
  'customers.ignoredLeads': { input: (f) => ({ projectId: f.projectA.id }), allowed: MANAGING },

  'dayClose.mine': { input: (f) => ({ projectId: f.projectA.id }), allowed: ['consultant'] },
  'dayClose.close': { input: (f) => ({ projectId: f.projectA.id }), allowed: ['consultant'] },
  'dayClose.team': { input: (f) => ({ projectId: f.projectA.id, date: f.today }), allowed: OFFICE },

  'surveys.create': {
    input: (f) => ({
      projectId: f.projectA.id,
      title: '开盘意向调查',
      startsOn: f.today,
      endsOn: f.today,
      questions: [{ kind: 'text', text: '您最关心什么？' }],
    }),
    allowed: ['director'],
  },
  'surveys.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },
  'surveys.answer': {
    input: (f) => ({ surveyId: f.surveyId, customerId: f.ownedCustomerId, answers: [1, 4] }),
    allowed: MEMBERS,
  },
  'surveys.results': { input: (f) => ({ surveyId: f.surveyId }), allowed: MANAGING },

  'customers.personalData': { input: (f) => ({ customerId: f.ownedCustomerId }), allowed: MANAGING },
  'customers.erase': {
    input: (f) => ({ customerId: f.poolCustomerId, reason: '客户本人书面要求删除' }),
    allowed: MANAGING,
  },
  'customers.importStart': {
    input: (f) => ({ projectId: f.projectA.id, fileName: '客户.xlsx', size: 10_000 }),
    allowed: OFFICE,
  },
  'customers.importPart': {
    input: (f) => ({ importId: f.importId, index: 0, data: 'UEsDBA==' }),
    allowed: ['manager'],
  },
  'customers.importCheck': { input: (f) => ({ importId: f.importId }), allowed: ['manager'] },
  'customers.importStatus': { input: (f) => ({ importId: f.importId }), allowed: ['manager'] },
  'customers.importCommit': { input: (f) => ({ importId: f.importId }), allowed: ['manager'] },
  'customers.importCancel': { input: (f) => ({ importId: f.importId }), allowed: ['manager'] },

  'channelReports.create': {
    input: (f) => ({ projectId: f.projectA.id, phone: '13900000005', channel: '网络', agentName: '赵经纪' }),
    allowed: [...MEMBERS, 'channel'],
  },
  'channelReports.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: [...MEMBERS, 'channel'] },
  'channelReports.invalidate': {
    input: (f) => ({ reportId: f.reportId, reason: '同一客户重复报备' }),
    allowed: MANAGING,
  },

  'units.import': {
    input: (f) => ({
      projectId: f.projectA.id,
      units: [
        {
          building: '2栋',
          entrance: '1单元',
          floor: 1,
          room: '101',
          layout: '两室',
          areaM2: 70,
          listPriceFen: 1,
        },
      ],
    }),
    allowed: OFFICE,
  },
  'units.grid': { input: (f) => ({ projectId: f.projectA.id }), allowed: BOARD_READERS },
  'units.onChange': { input: (f) => ({ projectId: f.projectA.id }), allowed: BOARD_READERS },
  'units.display': { input: (f) => ({ projectId: f.projectA.id }), allowed: BOARD_READERS },
  'units.get': { input: (f) => ({ unitId: f.units.free }), allowed: MEMBERS },
  'units.setStatus': {
    input: (f) => ({ unitId: f.units.spare, action: 'hold', reason: '开发商保留' }),
    allowed: MANAGING,
  },
  'prices.quote': { input: (f) => ({ unitId: f.units.free, paymentMethod: 'mortgage' }), allowed: MEMBERS },
  'prices.requestSpecial': {
    input: (f) => ({
      unitId: f.units.spare,
      customerId: f.ownedCustomerId,
      paymentMethod: 'mortgage',
      priceFen: 100,
      reason: '团购',
    }),
    allowed: ['consultant'],
  },
  'prices.decideSpecial': {
    input: (f) => ({ requestId: f.specialId, approve: true }),
    allowed: ['director'],
  },
  'prices.listSpecial': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },
  'deals.subscribe': {
    input: (f) => ({
      unitId: f.units.free,
      customerId: f.ownedCustomerId,
      paymentMethod: 'full',
      priceFen: 300_000_000,
      depositFen: 0,
      signBy: f.today,
    }),
    allowed: ['consultant'],
  },
  'deals.sign': {
    input: (f) => ({
      dealId: f.dealId,
      contractNo: 'HT-0002',
      schedule: [{ dueOn: f.today, amountFen: 300_000_000 }],
    }),
    allowed: [...OFFICE, 'consultant'],
  },
  'deals.permitBackdate': {
    input: (f) => ({ dealId: f.dealId, signedOn: f.today, reason: '周六签的认购' }),
    allowed: MANAGING,
  },
  'deals.onlineSign': {
    input: (f) => ({ dealId: f.signedDealId, onlineSignRef: 'WQ2026-001', onlineSignOn: f.today }),
    allowed: [...OFFICE, 'consultant'],
  },
  'deals.get': { input: (f) => ({ dealId: f.dealId }), allowed: MEMBERS },
  'deals.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },
  'deals.requestChange': {
    input: (f) => ({ dealId: f.dealId, kind: 'forfeit', reason: '客户放弃认购' }),
    allowed: [...OFFICE, 'consultant'],
  },
  'deals.decideChange': { input: (f) => ({ changeId: f.changeId, approve: true }), allowed: ['director'] },
  'deals.pendingChanges': { input: (f) => ({ projectId: f.projectA.id }), allowed: MANAGING },
  'payments.record': {
    input: (f) => ({
      dealId: f.dealId,
      amountFen: 100,
      method: 'cash',
      paidOn: f.today,
      kind: 'down_payment',
    }),
    allowed: OFFICE,
  },
  'receipts.get': { input: (f) => ({ projectId: f.projectA.id, receiptNo: f.receiptNo }), allowed: MEMBERS },
  'deals.remind': { input: (f) => ({ dealId: f.signedDealId, note: '首期款已逾期' }), allowed: OFFICE },
  'paperwork.update': {
    input: (f) => ({ dealId: f.signedDealId, step: 'titleDocs', doneOn: f.today, holder: '销售助理' }),
    allowed: [...OFFICE, 'consultant'],
  },
  'paperwork.list': { input: (f) => ({ projectId: f.projectA.id }), allowed: MEMBERS },
  'targets.set': {
    input: (f) => ({
      projectId: f.projectA.id,
      month: f.today.slice(0, 7),
      visits: 300,
      subscriptions: 20,
      signings: 15,
      signingFen: 4_500_000_000,
      collectionFen: 3_000_000_000,
    }),
    allowed: ['director'],
  },
  'targets.progress': {
    input: (f) => ({ projectId: f.projectA.id, month: f.today.slice(0, 7) }),
    allowed: MEMBERS,
  },
  'reports.daily': { input: (f) => ({ projectId: f.projectA.id, date: f.today }), allowed: MANAGING },
  'reports.sheet': { input: (f) => ({ projectId: f.projectA.id, date: f.today }), allowed: OFFICE },
  'reports.today': { input: (f) => ({ projectId: f.projectA.id }), allowed: MANAGING },
  'reports.onToday': { input: (f) => ({ projectId: f.projectA.id }), allowed: MANAGING },
  'reports.prepare': { input: (f) => ({ projectId: f.projectA.id, date: f.today }), allowed: OFFICE },
  'reports.decide': {
    input: (f) => ({ submissionId: f.preparedReportId, approve: false, comment: '回款数据需核对' }),
    allowed: MANAGING,
  },
  'reports.submit': { input: (f) => ({ submissionId: f.signedOffReportId }), allowed: OFFICE },
  'reports.submissions': {
    input: (f) => ({ projectId: f.projectA.id, month: f.today.slice(0, 7) }),
    allowed: OFFICE,
  },
  'reports.submission': { input: (f) => ({ submissionId: f.preparedReportId }), allowed: OFFICE },
  'receipts.void': {
    input: (f) => ({ projectId: f.projectA.id, receiptNo: f.receiptNo, reason: '金额录错' }),
    allowed: OFFICE,
  },
}

/** What a call came to: 'OK', or the tRPC error code it failed with. */
export type Outcome = 'OK' | TRPCError['code']

/** The error a call failed with, or null; anything that is not a TRPCError is rethrown. */
export async function failureOf(
  call: Promise<unknown> | (() => Promise<unknown>),
): Promise<TRPCError | null> {
  try {
    await (typeof call === 'function' ? call() : call)
    return null
  } catch (error) {
    if (error instanceof TRPCError) return error
    throw error
  }
}

export async function outcomeOf(call: Promise<unknown> | (() => Promise<unknown>)): Promise<Outcome> {
  return (await failureOf(call))?.code ?? 'OK'
}

/** The sentence a client in `locale` reads for this error (what the router's error formatter sends). */
export function sentenceOf(error: TRPCError | null, locale: Locale = 'zh-CN'): string {
  if (!error) throw new Error('the call succeeded; there is no error to word')
  return errorMessage(error, locale, undefined)
}

/** A subscription that says nothing this long after subscribing has accepted the caller. */
const SUBSCRIPTION_GRACE_MS = 200

/** Calls `path` through `caller` the way a client would; a subscription is read up to its first value. */
export async function invoke(caller: Caller, path: string, type: string, input: unknown): Promise<unknown> {
  let target: unknown = caller
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment]
  const result = await (target as (input: unknown) => Promise<unknown>)(input)
  if (type !== 'subscription') return result
  const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]()
  let timer: ReturnType<typeof setTimeout> | undefined
  const first = await Promise.race([
    iterator.next(),
    new Promise<undefined>(
      (resolve) => (timer = setTimeout(() => resolve(undefined), SUBSCRIPTION_GRACE_MS)),
    ),
  ]).finally(() => clearTimeout(timer))
  // A generator still waiting for its first value closes only once it has one (e.g. a notice
  // stream in a quiet office), so it is left to end with the test world rather than awaited.
  if (first) await iterator.return?.()
  else void iterator.return?.()
  return first
}
