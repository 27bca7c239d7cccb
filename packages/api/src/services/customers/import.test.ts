/**
 * Importing an old book from a real .xlsx: good and bad rows, a preview before anything is
 * written, row errors in words, all or nothing, a formula taken as text, old customers landing in
 * the pool, a file that is not a workbook, and more rows than the limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditLog } from '@anchang/db'
import { failureOf, oldBookXlsx, sentenceOf, checkedImport } from '../../authz-matrix'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'
import { ImportJobs } from './import'

const DAY_MS = 86_400_000
let world: TestWorld
let project: { id: string; code: string }
let people: Record<'manager' | 'assistant' | 'zhang' | 'li', TestUser>

beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject({ channels: ['自然来访', '网络'] })
  const member = (role: TestUser['role'], name: string) =>
    world.createUser({ role, projectIds: [project.id], name })
  people = {
    manager: await member('manager', '吴敏'),
    assistant: await member('assistant', '郑丽'),
    zhang: await member('consultant', '张伟'),
    li: await member('consultant', '李娜'),
  }
})
afterEach(() => world.close())

const daysAgo = (n: number) => new Date(world.deps.clock().getTime() - n * DAY_MS).toISOString().slice(0, 10)
const status = (importId: string, who = people.manager) =>
  world.asUser(who).customers.importStatus({ importId })
async function untilDone(importId: string) {
  let s = await status(importId)
  while (s.phase === 'writing') {
    await new Promise((resolve) => setTimeout(resolve, 5))
    s = await status(importId)
  }
  return s
}
const book = () => world.rowCount('customers')

describe('customers import', () => {
  it('keeps one import per person: twenty started at once leave only the last, the others gone in words', async () => {
    const starts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        world
          .asUser(people.assistant)
          .customers.importStart({ projectId: project.id, fileName: `${i}.xlsx`, size: 1000 }),
      ),
    )
    const found = await Promise.all(starts.map((s) => failureOf(status(s.importId, people.assistant))))
    expect(found.filter((f) => f === null)).toHaveLength(1)
    expect(found.at(-1)).toBeNull()
    expect(found[0]?.code).toBe('NOT_FOUND')
    expect(sentenceOf(found[0]!)).toMatch(/导入/)
    // Another person's import is theirs alone and stays.
    const mine = await world
      .asUser(people.manager)
      .customers.importStart({ projectId: project.id, fileName: 'm.xlsx', size: 1000 })
    expect(await failureOf(status(mine.importId))).toBeNull()
    expect(await failureOf(status(starts.at(-1)!.importId, people.assistant))).toBeNull()
  })

  it('previews the good rows and lists each bad one in words, writing nothing; the confirmed file goes in whole', async () => {
    const file = await oldBookXlsx([
      ['王建国', '138 1234 5678', 'B', '张伟', '网络', daysAgo(3), '看过 3 号楼'],
      ['李女士', '13912345678', 'a', people.li.username, '', daysAgo(60), '老客户'],
      ['赵六', '12345', 'B', '', '', '', ''],
      ['钱七', '13812345678', '', '', '', '', '与第一行重复'],
      ['孙八', '13700000001', 'E', '不存在的人', '飞机', '2026/13/40', ''],
      ['周九', '13700000002', 'B', '张伟', '', '', '有顾问没日期'],
    ])
    const importId = await checkedImport(world, people.manager, project.id, file)
    const checked = await status(importId)
    expect(checked.phase).toBe('checked')
    expect(checked.counts).toEqual({ good: 2, bad: 4, owned: 1, pool: 1 })
    expect(checked.preview).toMatchObject([
      { row: 2, name: '王建国', phone: '13812345678', grade: 'B', ownerId: people.zhang.id, toPool: false },
      { row: 3, name: '李女士', grade: 'A', ownerId: null, toPool: true },
    ])
    expect(checked.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [4, 'phone', '手机号不是 11 位大陆手机号'],
      [5, 'phone', '与第 2 行的手机号重复'],
      [6, 'grade', '等级只能是 A、B、C、D'],
      [6, 'owner', '不是本项目在职的置业顾问'],
      [6, 'channel', '不是本项目的渠道'],
      [6, 'lastContact', '日期格式不对（如 2026-02-20）'],
      [7, 'lastContact', '有归属顾问时请填写最后联系日期'],
    ])
    expect(book()).toBe(0)
    const refused = await failureOf(world.asUser(people.manager).customers.importCommit({ importId }))
    expect(refused?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(refused)).toBe('有 4 行有错误，一行也没有导入。请改正后重新上传。')
    expect(book()).toBe(0)
  })

  it('writes every row of a clean file with owner, grade and protection from the last contact; old ones land in the pool', async () => {
    const file = await oldBookXlsx([
      ['王建国', '13812345678', 'B', '张伟', '网络', daysAgo(3), '看过 3 号楼'],
      ['李女士', '13912345678', 'A', '李娜', '', daysAgo(60), '老客户'],
    ])
    const importId = await checkedImport(world, people.manager, project.id, file)
    await world.asUser(people.manager).customers.importCommit({ importId })
    expect((await untilDone(importId)).phase).toBe('done')
    const mine = await world.asUser(people.zhang).customers.list({ projectId: project.id, scope: 'mine' })
    expect(mine.items).toMatchObject([{ name: '王建国', grade: 'B', channel: '网络' }])
    const [owned] = mine.items
    expect(Date.parse(owned!.protectionEndsAt!)).toBe(Date.parse(`${daysAgo(3)}T04:00:00.000Z`) + 30 * DAY_MS)
    const pool = await world.asUser(people.li).customers.list({ projectId: project.id, scope: 'pool' })
    expect(pool.items.map((c) => c.name)).toEqual(['李女士'])
    const timeline = (await world.asUser(people.zhang).customers.get({ customerId: owned!.id })).activities
    expect(timeline).toMatchObject([
      { type: 'ownership', payload: { change: 'imported', to: people.zhang.id } },
    ])
    expect(
      world.database.db.select().from(auditLog).where(eq(auditLog.action, 'customers.import')).all(),
    ).toHaveLength(1)
    expect(world.rowCount('import_rows')).toBe(0)
  })

  it('shows the preview’s numbers whole to a manager and masked to an assistant, as everywhere', async () => {
    const file = await oldBookXlsx([['王建国', '13812345678', 'B', '', '', '', '']])
    const managers = await checkedImport(world, people.manager, project.id, file)
    expect((await status(managers)).preview).toMatchObject([{ phone: '13812345678' }])
    const assistants = await checkedImport(world, people.assistant, project.id, file)
    expect((await status(assistants, people.assistant)).preview).toMatchObject([{ phone: '138****5678' }])
  })

  it('takes a formula as its text, never its result', async () => {
    const file = await oldBookXlsx([
      [{ formula: 'CONCAT("王","先生")', result: '王先生' } as never, '13812345678', '', '', '', '', ''],
    ])
    const importId = await checkedImport(world, people.manager, project.id, file)
    expect((await status(importId)).preview).toMatchObject([{ name: '=CONCAT("王","先生")' }])
    const phoneFormula = await oldBookXlsx([
      ['王', { formula: '13800000000+1', result: 13800000001 } as never, '', '', '', '', ''],
    ])
    const second = await checkedImport(world, people.assistant, project.id, phoneFormula)
    expect((await status(second, people.assistant)).errors).toMatchObject([{ row: 2, column: 'phone' }])
  })

  it('refuses a file that is not an .xlsx in a sentence, and one without a phone column', async () => {
    const importId = await checkedImport(
      world,
      people.manager,
      project.id,
      Buffer.from('姓名,手机号\n王,13812345678\n'),
    )
    expect(await status(importId)).toMatchObject({
      phase: 'failed',
      failure: '这个文件不是 Excel 表格（.xlsx），请用模板另存为 .xlsx 后再导入。',
    })
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('x').addRow(['姓名', '备注'])
    const other = await checkedImport(
      world,
      people.assistant,
      project.id,
      Buffer.from(await wb.xlsx.writeBuffer()),
    )
    expect((await status(other, people.assistant)).failure).toContain('手机号')
  })

  it('refuses more rows than the limit before writing anything', async () => {
    world.deps.imports = new ImportJobs({ maxRows: 3 })
    const rows = Array.from({ length: 4 }, (_, i) => [`客户${i}`, `1381234567${i}`, '', '', '', '', ''])
    const importId = await checkedImport(world, people.manager, project.id, await oldBookXlsx(rows))
    expect(await status(importId)).toMatchObject({
      phase: 'failed',
      failure: '一次最多导入 3 行，请拆分后分批导入。',
    })
    expect(book()).toBe(0)
  })

  it('writes nothing when a number was registered between the check and the confirmation', async () => {
    const file = await oldBookXlsx([
      ['王建国', '13812345678', '', '', '', '', ''],
      ['李女士', '13912345678', '', '', '', '', ''],
    ])
    const importId = await checkedImport(world, people.manager, project.id, file)
    await world
      .asUser(people.zhang)
      .customers.register({ projectId: project.id, phone: '13912345678', kind: 'call' })
    await world.asUser(people.manager).customers.importCommit({ importId })
    const s = await untilDone(importId)
    expect(s).toMatchObject({
      phase: 'failed',
      failure: '检查之后客户库里又新增了其中 1 个号码，一行也没有导入，请重新检查。',
    })
    expect(book()).toBe(1)
    expect(world.rowCount('import_rows')).toBe(0)
  })

  it('keeps an import to the person who started it', async () => {
    const importId = await checkedImport(world, people.manager, project.id)
    expect((await failureOf(world.asUser(people.assistant).customers.importCommit({ importId })))?.code).toBe(
      'FORBIDDEN',
    )
    expect(
      (
        await failureOf(
          world
            .asUser(people.zhang)
            .customers.importStart({ projectId: project.id, fileName: 'a.xlsx', size: 10 }),
        )
      )?.code,
    ).toBe('FORBIDDEN')
  })

  it('refuses parts out of order and a file larger than it said', async () => {
    const { importId } = await world
      .asUser(people.manager)
      .customers.importStart({ projectId: project.id, fileName: 'a.xlsx', size: 4 })
    expect(
      (
        await failureOf(
          world.asUser(people.manager).customers.importPart({ importId, index: 1, data: 'AAAA' }),
        )
      )?.code,
    ).toBe('BAD_REQUEST')
    expect(
      (
        await failureOf(
          world.asUser(people.manager).customers.importPart({ importId, index: 0, data: 'AAAAAAAA' }),
        )
      )?.code,
    ).toBe('BAD_REQUEST')
    expect((await failureOf(world.asUser(people.manager).customers.importCheck({ importId })))?.code).toBe(
      'CONFLICT',
    )
  })
})
