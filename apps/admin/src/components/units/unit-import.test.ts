import { describe, expect, it } from 'vitest'
import { unitPlaceKey } from '@anchang/shared'
import { i18n } from '../../locales'
import {
  buildUnitTemplate,
  cellText,
  checkRows,
  guessMapping,
  readSheet,
  rowsByMapping,
  toUnitRow,
  type RawUnitRow,
} from './unit-import'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

const raw = (extra: Partial<RawUnitRow> = {}): RawUnitRow => ({
  building: '1栋',
  entrance: '1单元',
  floor: '1',
  room: '101',
  layout: '三室两厅',
  areaM2: '89.57',
  listPrice: '2500000',
  product: '',
  orientation: '',
  ...extra,
})

describe('reading a unit list', () => {
  it('matches the columns offices name their own way to the fields', () => {
    const mapping = guessMapping([
      '栋号',
      '单元',
      '所在层',
      '房号',
      '户型',
      '建筑面积(㎡)',
      '表价（元）',
      '业态',
      '朝向',
    ])
    expect(mapping).toEqual({
      building: 0,
      entrance: 1,
      floor: 2,
      room: 3,
      layout: 4,
      areaM2: 5,
      listPrice: 6,
      product: 7,
      orientation: 8,
    })
    expect(guessMapping(['房号', '面积']).building).toBeNull()
  })

  it('reads a cell as the text one sees in it', () => {
    expect(cellText(89.57)).toBe('89.57')
    expect(cellText(' 1栋 ')).toBe('1栋')
    expect(cellText({ richText: [{ text: '1' }, { text: '栋' }] })).toBe('1栋')
    expect(cellText({ formula: 'A1*2', result: 2_500_000.5 })).toBe('2500000.5')
    expect(cellText(null)).toBe('')
  })

  it('turns a row into the unit the server takes: yuan to exact fen, floors as people write them, 住宅 by default', () => {
    expect(toUnitRow(raw({ listPrice: '2,500,000.29', floor: '12层' }), 'zh-CN', t)).toEqual({
      unit: {
        building: '1栋',
        entrance: '1单元',
        floor: 12,
        room: '101',
        layout: '三室两厅',
        areaM2: 89.57,
        listPriceFen: 250_000_029,
        product: 'residential',
      },
      errors: [],
    })
    expect(
      toUnitRow(raw({ floor: 'B1', product: '车位', orientation: '南' }), 'zh-CN', t).unit,
    ).toMatchObject({
      floor: -1,
      product: 'parking',
      orientation: '南',
    })
  })

  it('names each problem of a row in a sentence', () => {
    const { unit, errors } = toUnitRow(
      raw({ building: '', floor: '十二', areaM2: '89.575', listPrice: '二百万', product: '别墅' }),
      'zh-CN',
      t,
    )
    expect(unit).toBeNull()
    expect(errors).toEqual([
      '表价「二百万」不是金额：请填写元，最多两位小数。',
      '楼栋不能为空。',
      '楼层应为数字。',
      '面积（m²）应为不小于 0、不大于 100000 的平方米数，最多两位小数。',
      '业态只能是：住宅、商业、车位。',
    ])
  })

  it('flags a unit named twice in the file, naming the first row, and a unit the project already has', () => {
    const rows = [
      { row: 2, raw: raw() },
      { row: 3, raw: raw({ room: '102' }) },
      { row: 4, raw: raw() },
    ]
    const existing = new Set([unitPlaceKey({ building: '1栋', entrance: '1单元', room: '102' })])
    const checked = checkRows(rows, existing, 'zh-CN', t)
    expect(checked.map((c) => c.errors)).toEqual([
      [],
      ['房源 1栋-1单元-102 已经存在。'],
      ['与第 2 行是同一套房源（1栋-1单元-101）。'],
    ])
    expect(checked.map((c) => c.unit !== null)).toEqual([true, false, false])
  })
})

describe('the template', () => {
  it('reads back as a sheet whose columns are all recognised and whose rows all pass', async () => {
    const blob = await buildUnitTemplate('zh-CN', '房源')
    const sheet = await readSheet(await blob.arrayBuffer())
    expect(sheet.headers).toEqual([
      '楼栋',
      '单元',
      '楼层',
      '房号',
      '户型',
      '面积',
      '表价(元)',
      '业态',
      '朝向',
    ])
    const mapping = guessMapping(sheet.headers)
    const checked = checkRows(rowsByMapping(sheet, mapping), new Set(), 'zh-CN', t)
    expect(checked.map((c) => [c.row, c.errors])).toEqual([
      [2, []],
      [3, []],
    ])
    expect(checked[1]!.unit).toMatchObject({ room: '102', areaM2: 76.32, listPriceFen: 208_000_050 })
  })
})
