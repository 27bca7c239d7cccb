import { describe, expect, it } from 'vitest'
import {
  buildExportRows,
  buildWorkbook,
  columnWidths,
  exportFileName,
  fileStamp,
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
