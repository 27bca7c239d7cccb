import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REPORT_SETTINGS,
  REPORT_PERIODS,
  byProduct,
  collectionFigures,
  reportFormulas,
  stockFigures,
} from '@anchang/shared'
import { i18n } from '../../locales'
import { buildWorkbookSheets } from '../../composables/useTableExport'
import {
  collectionRows,
  completionBars,
  dealRows,
  exportTables,
  periodTitle,
  targetRows,
  trafficRows,
  valueText,
  type Sheet,
} from './report-sheet'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
const WAN = 1_000_000

/** A Monday as the server answers it: 2 residential units signed (190 m², 380 万), 105 万 collected. */
function monday(): Sheet {
  const signed = byProduct([{ product: 'residential', count: 2, areaCentiM2: 19_000, amountFen: 380 * WAN }])
  const none = byProduct([])
  const period = (from: string) => ({
    from,
    to: '2026-03-02',
    traffic: {
      calls: 1,
      first: { parties: 2, persons: 3 },
      returning: { parties: 1, persons: 3 },
      visitingCustomers: 2,
      visits: 3,
    },
    subscriptions: signed,
    signings: signed,
    cancellations: { subscriptions: none, signings: none },
    netSignings: signed,
    collection: collectionFigures({
      loanFen: 100 * WAN,
      otherFen: 5 * WAN,
      refundFen: 0,
      newDealsFen: 105 * WAN,
    }),
    rates: { conversion: 1, visitToSigning: 0.5, callToVisit: 3 },
  })
  const set = {
    target: {
      visits: 100,
      subscriptions: 10,
      signings: 10,
      signingFen: 2_000 * WAN,
      collectionFen: 1_000 * WAN,
    },
    actual: { visits: 3, subscriptions: 2, signings: 2, signingFen: 380 * WAN, collectionFen: 105 * WAN },
    completion: { visits: 0.03, subscriptions: 0.2, signings: 0.2, signingFen: 0.19, collectionFen: 0.105 },
  }
  return {
    date: '2026-03-02',
    definitions: DEFAULT_REPORT_SETTINGS,
    periods: {
      day: period('2026-03-02'),
      week: period('2026-03-02'),
      month: period('2026-03-01'),
      year: period('2026-01-01'),
      total: period('2025-11-20'),
    },
    targets: { month: set, year: null },
    deals: [
      {
        dealId: 'd1',
        unit: '1栋-1单元-101',
        product: 'residential',
        customerName: '王先生',
        areaCentiM2: 10_000,
        unitPriceFen: 2_000_000,
        priceFen: 200 * WAN,
        paymentMethod: 'mortgage',
        consultantName: '张伟',
        status: 'signed',
        event: 'signing',
      },
    ],
    stock: stockFigures(
      [
        { product: 'residential', status: 'available', count: 1, areaCentiM2: 12_000, amountFen: 240 * WAN },
        { product: 'residential', status: 'signed', count: 2, areaCentiM2: 19_000, amountFen: 380 * WAN },
      ],
      DEFAULT_REPORT_SETTINGS,
    ),
    formulas: reportFormulas(DEFAULT_REPORT_SETTINGS, 'zh-CN'),
  }
}

describe('the daily report’s lines', () => {
  it('writes traffic per period, rates as percentages and an empty base as a dash', () => {
    const rows = trafficRows(monday(), t)
    expect(rows.find((r) => r.key === 'visits')?.values.day).toBe(3)
    expect(rows.find((r) => r.key === 'conversion')?.label).toBe('来访认购率')
    expect(valueText('rate', 0.5)).toBe('50.0%')
    expect(valueText('rate', null)).toBe('—')
    expect(valueText('wan', 1_234.5)).toBe('1,234.50')
  })

  it('lays each deal block out per product with a total, money in 万元', () => {
    const rows = dealRows(monday(), t)
    expect(rows).toHaveLength(5 * 4)
    const total = rows.find((r) => r.key === 'signings-total')!
    expect(total.product).toBe('合计')
    expect(total.cells.day).toEqual({ count: 2, areaM2: 190, wan: 380 })
    expect(rows.filter((r) => r.first).map((r) => r.block)).toEqual([
      '认购',
      '签约',
      '退认购',
      '退签约',
      '净签约',
    ])
  })

  it('splits collection into loan, other, new and earlier deals, refunds and net', () => {
    const rows = collectionRows(monday(), t)
    expect(Object.fromEntries(rows.map((r) => [r.key, r.values.day]))).toMatchObject({
      loanFen: 100,
      otherFen: 5,
      inFen: 105,
      newDealsFen: 105,
      earlierDealsFen: 0,
      netFen: 105,
    })
  })

  it('puts the month’s completion beside its target and leaves a year without targets blank', () => {
    const rows = targetRows(monday(), t)
    const signingFen = rows.find((r) => r.key === 'signingFen')!
    expect(signingFen.month).toEqual({ target: 2_000, actual: 380, rate: 0.19 })
    expect(signingFen.year).toEqual({ target: null, actual: null, rate: null })
    expect(completionBars(rows).percents).toEqual([3, 20, 20, 19, 10.5])
  })

  it('heads each period with its days', () => {
    expect(periodTitle(monday(), 'day', t)).toBe('本日（03-02）')
    expect(periodTitle(monday(), 'month', t)).toBe('本月（03-01 至 03-02）')
  })
})

describe('the daily report’s workbook', () => {
  it('opens with a sheet per table, numbers formatted as on screen and the formulas under each', async () => {
    const blob = await buildWorkbookSheets(exportTables(monday(), t, ['项目：示范项目（DEMO）']))
    const { Workbook } = await import('exceljs')
    const workbook = new Workbook()
    await workbook.xlsx.load(await blob.arrayBuffer())
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '来电-来访',
      '认购 · 签约 · 退房',
      '回款（万元）',
      '指标完成',
      '当日成交明细',
      '剩余可售',
    ])
    const traffic = workbook.getWorksheet('来电-来访')!
    // Title, subtitle, then the heading row (frozen) with the periods as columns.
    expect(traffic.getCell('A3').value).toBe('项目')
    expect(traffic.getCell('B3').value).toBe('本日（03-02）')
    expect(traffic.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    const rate = traffic.getRow(4 + trafficRows(monday(), t).findIndex((r) => r.key === 'conversion'))
    expect(rate.getCell(1).value).toBe('来访认购率')
    expect(rate.getCell(2).value).toBe(1)
    expect(rate.getCell(2).numFmt).toBe('0.0%')
    const lastLines = traffic.getColumn(1).values.slice(-4).map(String)
    expect(lastLines.some((line) => line.startsWith('来访 = 首访组数'))).toBe(true)

    const deals = workbook.getWorksheet('认购 · 签约 · 退房')!
    expect(deals.getCell('C3').value).toBe('本日（03-02） 套数')
    const signedTotal = deals.getRow(4 + 7) // 认购 ×4, then 签约's residential, commercial, parking, total
    expect(signedTotal.getCell(2).value).toBe('合计')
    expect(signedTotal.getCell(5).value).toBe(380)
    expect(signedTotal.getCell(5).numFmt).toBe('#,##0.00')
    const list = workbook.getWorksheet('当日成交明细')!
    expect((list.getRow(4).values as unknown[]).slice(1)).toEqual([
      '签约',
      '1栋-1单元-101',
      '王先生',
      100,
      20_000,
      200,
      '按揭',
      '张伟',
    ])
    expect(REPORT_PERIODS).toHaveLength(5)
  })
})
