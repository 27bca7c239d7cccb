import { describe, expect, it } from 'vitest'
import { buildTemplate, isWorking, partRanges, percentOf, templateRows, toBase64 } from './import-format'

describe('sending a file in parts', () => {
  it('cuts it into parts of the size the server asks, the last one shorter', () => {
    expect(partRanges(100_000, 45_000)).toEqual([
      { index: 0, start: 0, end: 45_000 },
      { index: 1, start: 45_000, end: 90_000 },
      { index: 2, start: 90_000, end: 100_000 },
    ])
    expect(partRanges(45_000, 45_000)).toHaveLength(1)
  })

  it('sends each part as base64 the server reads back byte for byte', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256)
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true)
  })
})

describe('progress', () => {
  it('is a whole percentage, never over 100', () => {
    expect(percentOf(0, 0)).toBe(0)
    expect(percentOf(1, 3)).toBe(33)
    expect(percentOf(5, 4)).toBe(100)
  })

  it('is followed while the server reads, checks or writes', () => {
    expect(isWorking('checking')).toBe(true)
    expect(isWorking('checked')).toBe(false)
    expect(isWorking('failed')).toBe(false)
  })
})

describe('the template', () => {
  it('has the columns the import reads, in the reader’s language, with an example row', () => {
    expect(templateRows('zh-CN')[0]).toEqual([
      '姓名',
      '手机号',
      '等级',
      '归属顾问',
      '渠道',
      '最后联系日期',
      '备注',
    ])
    expect(templateRows('en')[0]![1]).toBe('Phone')
    expect(templateRows('zh-CN')[1]![1]).toBe('13812345678')
  })

  it('opens in Excel with the headings first', async () => {
    const blob = await buildTemplate('zh-CN', '客户导入模板')
    const { Workbook } = await import('exceljs')
    const workbook = new Workbook()
    await workbook.xlsx.load(await blob.arrayBuffer())
    const sheet = workbook.getWorksheet('客户导入模板')!
    expect(sheet.getCell('B1').value).toBe('手机号')
    expect(sheet.getCell('B2').value).toBe('13812345678')
  })
})
