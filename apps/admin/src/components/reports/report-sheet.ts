import { PRODUCT_TYPES, REPORT_PERIODS, type ProductType, type ReportPeriod } from '@anchang/shared'
import type { RouterOutputs } from '../../trpc'
import type { ExportTable } from '../../composables/useTableExport'

/**
 * The daily report (日报) laid out as a sales office sends it (formats.md): blocks of lines with the
 * periods as columns. The screen's tables and the Excel file are both built from these rows, so
 * what is printed and what is exported cannot disagree.
 */
export type Sheet = RouterOutputs['reports']['sheet']
type Period = Sheet['periods'][ReportPeriod]
type Cell = Period['subscriptions']['total']
type Translate = (key: string, params?: Record<string, unknown>) => string

/** How a line's values are written: whole counts, rates, 万元 with two decimals, m² with two. */
export type ValueKind = 'count' | 'rate' | 'wan' | 'area'

export interface LineRow {
  key: string
  label: string
  kind: ValueKind
  values: Record<ReportPeriod, number | null>
}

/** Fen in 万元 as a number, exact to the hundredth (the sheet adds them up as numbers). */
export const wan = (fen: number): number => Math.round(fen / 10_000) / 100
export const m2 = (centi: number): number => centi / 100

/** A value as the screen and the printout write it. */
export function valueText(kind: ValueKind, value: number | null): string {
  if (value === null) return '—'
  if (kind === 'rate') return `${(value * 100).toFixed(1)}%`
  if (kind === 'count') return String(value)
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** Excel's number format for each kind: the file keeps numbers, formatted as the screen writes them. */
export const NUMBER_FORMATS: Record<ValueKind, string> = {
  count: '0',
  rate: '0.0%',
  wan: '#,##0.00',
  area: '#,##0.00',
}

const perPeriod = (sheet: Sheet, value: (p: Period) => number | null) =>
  Object.fromEntries(REPORT_PERIODS.map((p) => [p, value(sheet.periods[p])])) as LineRow['values']

/** 来电/来访: calls, first and return visits by party and person, the counted visits and the rates. */
export function trafficRows(sheet: Sheet, t: Translate): LineRow[] {
  const line = (key: string, kind: ValueKind, value: (p: Period) => number | null): LineRow => ({
    key,
    label: t(`reports.lines.${key}`),
    kind,
    values: perPeriod(sheet, value),
  })
  return [
    line('calls', 'count', (p) => p.traffic.calls),
    line('firstParties', 'count', (p) => p.traffic.first.parties),
    line('returningParties', 'count', (p) => p.traffic.returning.parties),
    line('firstPersons', 'count', (p) => p.traffic.first.persons),
    line('returningPersons', 'count', (p) => p.traffic.returning.persons),
    line('visits', 'count', (p) => p.traffic.visits),
    line('visitingCustomers', 'count', (p) => p.traffic.visitingCustomers),
    line('conversion', 'rate', (p) => p.rates.conversion),
    line('visitToSigning', 'rate', (p) => p.rates.visitToSigning),
    line('callToVisit', 'rate', (p) => p.rates.callToVisit),
  ]
}

export const DEAL_BLOCKS = [
  'subscriptions',
  'signings',
  'cancelledSubscriptions',
  'cancelledSignings',
  'netSignings',
] as const
export type DealBlock = (typeof DEAL_BLOCKS)[number]

const blockOf = (p: Period, block: DealBlock) =>
  block === 'cancelledSubscriptions'
    ? p.cancellations.subscriptions
    : block === 'cancelledSignings'
      ? p.cancellations.signings
      : p[block]

/** 认购 · 签约 · 退房 · 净签约: one line per block and product, each period as 套数 · 面积 · 金额. */
export interface DealRow {
  key: string
  block: string
  product: string
  /** The block's first line (the table spans the block's name over its products). */
  first: boolean
  cells: Record<ReportPeriod, { count: number; areaM2: number; wan: number }>
}

export function dealRows(sheet: Sheet, t: Translate): DealRow[] {
  const products: (ProductType | 'total')[] = [...PRODUCT_TYPES, 'total']
  return DEAL_BLOCKS.flatMap((block) =>
    products.map((product, i) => ({
      key: `${block}-${product}`,
      block: t(`reports.blocks.${block}`),
      product: product === 'total' ? t('reports.total') : t(`product.${product}`),
      first: i === 0,
      cells: Object.fromEntries(
        REPORT_PERIODS.map((p) => {
          const cell: Cell = blockOf(sheet.periods[p], block)[product]
          return [p, { count: cell.count, areaM2: m2(cell.areaCentiM2), wan: wan(cell.amountFen) }]
        }),
      ) as DealRow['cells'],
    })),
  )
}

/** 回款 in 万元: loan and other money in, on this period's deals and earlier ones, refunds, net. */
export function collectionRows(sheet: Sheet, t: Translate): LineRow[] {
  const keys = [
    'loanFen',
    'otherFen',
    'inFen',
    'newDealsFen',
    'earlierDealsFen',
    'refundFen',
    'netFen',
  ] as const
  return keys.map((key) => ({
    key,
    label: t(`reports.lines.${key}`),
    kind: 'wan',
    values: perPeriod(sheet, (p) => wan(p.collection[key])),
  }))
}

export const TARGET_LINES = ['visits', 'subscriptions', 'signings', 'signingFen', 'collectionFen'] as const
type TargetLine = (typeof TARGET_LINES)[number]

/** 指标 and 完成率 of the month and the year, per figure; null where no target was set. */
export interface TargetRow {
  key: TargetLine
  label: string
  kind: 'count' | 'wan'
  month: { target: number | null; actual: number | null; rate: number | null }
  year: { target: number | null; actual: number | null; rate: number | null }
}

export function targetRows(sheet: Sheet, t: Translate): TargetRow[] {
  const money = (key: TargetLine) => key === 'signingFen' || key === 'collectionFen'
  const shown = (key: TargetLine, value: number) => (money(key) ? wan(value) : value)
  const of = (set: Sheet['targets']['month'], key: TargetLine) =>
    set
      ? {
          target: shown(key, set.target[key]),
          actual: shown(key, set.actual[key]),
          rate: set.completion[key],
        }
      : { target: null, actual: null, rate: null }
  return TARGET_LINES.map((key) => ({
    key,
    label: t(`reports.targetLines.${key}`),
    kind: money(key) ? 'wan' : 'count',
    month: of(sheet.targets.month, key),
    year: of(sheet.targets.year, key),
  }))
}

/** Completion of the month's targets, in whole percent with one decimal, for the chart. */
export function completionBars(rows: readonly TargetRow[]): { names: string[]; percents: number[] } {
  const set = rows.filter((r) => r.month.rate !== null)
  return {
    names: set.map((r) => r.label),
    percents: set.map((r) => Math.round(r.month.rate! * 1000) / 10),
  }
}

/** The period headings: 本日（03-02）, 本周（03-02 至 03-04）. */
export function periodTitle(sheet: Sheet, period: ReportPeriod, t: Translate): string {
  const { from, to } = sheet.periods[period]
  const range = from === to ? from.slice(5) : t('reports.range', { from: from.slice(5), to: to.slice(5) })
  return t('reports.periodTitle', { period: t(`reports.periods.${period}`), range })
}

/** Every table of the report as a sheet of the workbook, the formulas under each. */
export function exportTables(sheet: Sheet, t: Translate, subtitle: string[]): ExportTable[] {
  const periods = REPORT_PERIODS.map((p) => periodTitle(sheet, p, t))
  const formulas = (...keys: (keyof Sheet['formulas'])[]) => keys.map((k) => sheet.formulas[k])
  const lines = (title: string, rows: LineRow[], footer: string[]): ExportTable => ({
    title,
    subtitle,
    header: [t('reports.item'), ...periods],
    body: rows.map((r) => [r.label, ...REPORT_PERIODS.map((p) => r.values[p] ?? '')]),
    rowFmts: rows.map((r) => NUMBER_FORMATS[r.kind]),
    footer,
  })
  const measures = [t('reports.count'), t('reports.area'), t('reports.amount')]
  const deals: ExportTable = {
    title: t('reports.dealsTitle'),
    subtitle,
    header: [
      t('reports.block'),
      t('reports.product'),
      ...periods.flatMap((p) => measures.map((m) => `${p} ${m}`)),
    ],
    body: dealRows(sheet, t).map((r) => [
      r.block,
      r.product,
      ...REPORT_PERIODS.flatMap((p) => [r.cells[p].count, r.cells[p].areaM2, r.cells[p].wan]),
    ]),
    numFmts: [undefined, undefined, ...REPORT_PERIODS.flatMap(() => ['0', '#,##0.00', '#,##0.00'])],
    footer: formulas('deals', 'cancellations', 'netSignings'),
  }
  const targets: ExportTable = {
    title: t('reports.targetsTitle'),
    subtitle,
    header: [
      t('reports.item'),
      t('reports.monthTarget'),
      t('reports.monthActual'),
      t('reports.monthRate'),
      t('reports.yearTarget'),
      t('reports.yearActual'),
      t('reports.yearRate'),
    ],
    body: targetRows(sheet, t).map((r) => [
      r.label,
      r.month.target ?? '',
      r.month.actual ?? '',
      r.month.rate ?? '',
      r.year.target ?? '',
      r.year.actual ?? '',
      r.year.rate ?? '',
    ]),
    numFmts: [undefined, '#,##0.##', '#,##0.##', '0.0%', '#,##0.##', '#,##0.##', '0.0%'],
    footer: formulas('completion'),
  }
  const list: ExportTable = {
    title: t('reports.dayDealsTitle'),
    subtitle,
    header: dayDealHeader(t),
    body: sheet.deals.map((d) => dayDealCells(d, t)),
    numFmts: [undefined, undefined, undefined, '#,##0.00', '#,##0', '#,##0.00', undefined, undefined],
    footer: [],
  }
  const stock: ExportTable = {
    title: t('reports.stockTitle'),
    subtitle,
    header: [t('reports.product'), t('reports.count'), t('reports.area'), t('reports.listAmount')],
    body: stockRows(sheet, t).map((r) => [r.product, r.count, r.areaM2, r.wan]),
    numFmts: [undefined, '0', '#,##0.00', '#,##0.00'],
    footer: [
      `${t('reports.sellThrough')}：${valueText('rate', sheet.stock.sellThrough)}`,
      ...formulas('stock', 'sellThrough'),
    ],
  }
  return [
    lines(
      t('reports.trafficTitle'),
      trafficRows(sheet, t),
      formulas('visits', 'conversion', 'visitToSigning', 'callToVisit'),
    ),
    deals,
    lines(t('reports.collectionTitle'), collectionRows(sheet, t), formulas('collection')),
    targets,
    list,
    stock,
  ]
}

type DayDeal = Sheet['deals'][number]

export function dayDealHeader(t: Translate): string[] {
  return [
    t('reports.dayDeal.event'),
    t('reports.dayDeal.unit'),
    t('reports.dayDeal.customer'),
    t('reports.dayDeal.area'),
    t('reports.dayDeal.unitPrice'),
    t('reports.dayDeal.price'),
    t('reports.dayDeal.paymentMethod'),
    t('reports.dayDeal.consultant'),
  ]
}

/** One of the day's deals as the list writes it: 单价 in whole yuan per m², 总价 in 万元. */
export function dayDealCells(d: DayDeal, t: Translate): (string | number)[] {
  return [
    t(`reports.dayDeal.${d.event}`),
    d.unit,
    d.customerName,
    m2(d.areaCentiM2),
    Math.round(d.unitPriceFen / 100),
    wan(d.priceFen),
    t(`paymentMethod.${d.paymentMethod}`),
    d.consultantName,
  ]
}

/** 剩余可售 per product and in total. */
export function stockRows(sheet: Sheet, t: Translate) {
  const products: (ProductType | 'total')[] = [...PRODUCT_TYPES, 'total']
  return products.map((product) => {
    const cell = sheet.stock.remaining[product]
    return {
      key: product,
      product: product === 'total' ? t('reports.total') : t(`product.${product}`),
      count: cell.count,
      areaM2: m2(cell.areaCentiM2),
      wan: wan(cell.amountFen),
    }
  })
}
