import { describe, expect, it } from 'vitest'
import {
  buildExportRows,
  buildWorkbook,
  buildWorkbookSheets,
  collectPages,
  columnWidths,
  exportFileName,
  fileStamp,
  sheetNames,
  type ExportColumn,
} from './useTableExport'

interface Person {
  name: string
  role: string
  pin: string | null
}

const columns: ExportColumn<Person>[] = [
  { title: '姓名', value: (p) => p.name },
  { title: '角色', value: (p) => p.role },
  { title: 'PIN 码', value: (p) => p.pin },
]
const people: Person[] = [
  { name: '张伟', role: '置业顾问', pin: '已设置' },
  { name: '吴敏', role: '销售经理', pin: null },
]

describe('export rows', () => {
  it('puts the headings first and each person on a row, in column order, with blanks for missing values', () => {
    expect(buildExportRows(columns, people)).toEqual([
      ['姓名', '角色', 'PIN 码'],
      ['张伟', '置业顾问', '已设置'],
      ['吴敏', '销售经理', ''],
    ])
  })

  it('makes Chinese columns wide enough to read without widening the cell by hand', () => {
    const [name, code] = columnWidths([
      ['项目名称', 'code'],
      ['思源·示范项目二期', 'DEMO'],
    ])
    expect(name).toBeGreaterThanOrEqual(18)
    expect(code).toBe(8)
  })

  it('names the file after the list, the project and the time, without characters Windows refuses', () => {
    expect(exportFileName('员工名单', 'DEMO', fileStamp('2026-03-01 14:05'))).toBe(
      '员工名单-DEMO-20260301-1405.xlsx',
    )
    expect(exportFileName('a/b: c', null, '20260301-1405')).toBe('a-b-c-20260301-1405.xlsx')
  })
})

describe('the .xlsx file', () => {
  it('opens in Excel with the heading, the column titles and every row', async () => {
    const [header = [], ...body] = buildExportRows(columns, people)
    const blob = await buildWorkbook({
      title: '员工名单',
      subtitle: ['项目：思源·示范项目（DEMO）'],
      header: header.map(String),
      body,
    })
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')

    const { Workbook } = await import('exceljs')
    const workbook = new Workbook()
    await workbook.xlsx.load(await blob.arrayBuffer())
    const sheet = workbook.getWorksheet('员工名单')!
    const text = (row: number) =>
      (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))
    // The heading and subtitle span the table's width (merged cells read back as the first cell's value).
    expect(sheet.getCell('A1').value).toBe('员工名单')
    expect(sheet.getCell('C1').isMerged).toBe(true)
    expect(sheet.getCell('A2').value).toBe('项目：思源·示范项目（DEMO）')
    expect(text(3)).toEqual(['姓名', '角色', 'PIN 码'])
    expect(text(4)).toEqual(['张伟', '置业顾问', '已设置'])
    expect(text(5)).toEqual(['吴敏', '销售经理', ''])
    expect(sheet.getRow(3).font?.bold).toBe(true)
  })
})

describe('a file of several sheets', () => {
  it('names each sheet as Excel allows: short, without its forbidden characters, each once', () => {
    expect(sheetNames(['客户资料', '来访/接待', '客户资料', 'x'.repeat(40)])).toEqual([
      '客户资料',
      '来访-接待',
      '客户资料(2)',
      'x'.repeat(31),
    ])
  })

  it('holds one sheet per table, in order', async () => {
    const blob = await buildWorkbookSheets([
      { title: '客户资料', subtitle: [], header: ['项目', '内容'], body: [['姓名', '王建国']] },
      { title: '跟进记录', subtitle: [], header: ['时间'], body: [['2026-03-01 10:00']] },
    ])
    const { Workbook } = await import('exceljs')
    const workbook = new Workbook()
    await workbook.xlsx.load(await blob.arrayBuffer())
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['客户资料', '跟进记录'])
    expect(workbook.getWorksheet('客户资料')!.getCell('B3').value).toBe('王建国')
  })
})

describe('exporting a list shown page by page', () => {
  const pages = (total: number, size: number) => (cursor: string | null) => {
    const start = cursor ? Number(cursor) : 0
    const end = Math.min(start + size, total)
    const items = Array.from({ length: end - start }, (_, i) => start + i)
    return Promise.resolve({ items, nextCursor: end < total ? String(end) : null })
  }

  it('reads every page, saying how far it got after each', async () => {
    const progress: number[] = []
    const { rows, capped } = await collectPages(pages(450, 200), {
      cap: 10_000,
      onProgress: (n) => progress.push(n),
    })
    expect(rows).toHaveLength(450)
    expect(rows.at(-1)).toBe(449)
    expect(capped).toBe(false)
    expect(progress).toEqual([200, 400, 450])
  })

  it('stops at the cap and says the file is not the whole list', async () => {
    const { rows, capped } = await collectPages(pages(1000, 200), { cap: 500 })
    expect(rows).toHaveLength(500)
    expect(capped).toBe(true)
  })

  it('is not capped when the list ends exactly at the cap', async () => {
    const { rows, capped } = await collectPages(pages(400, 200), { cap: 400 })
    expect(rows).toHaveLength(400)
    expect(capped).toBe(false)
  })
})
