import {
  PRODUCT_LABELS,
  PRODUCT_TYPES,
  UnitRow,
  describeIssue,
  fieldName,
  repeatedUnits,
  unitPlaceKey,
  unitPlaceLabel,
  type Locale,
  type ProductType,
} from '@anchang/shared'
import { parseYuan } from '../deals/money-format'

/**
 * A unit list from Excel (销控 set-up), read in the browser: the columns people name, matched to the
 * fields `units.import` takes; each row checked by the shared `UnitRow` schema and `repeatedUnits`
 * (what the preview passes the server takes); prices typed in yuan read to the fen from their digits.
 */

export const UNIT_IMPORT_FIELDS = [
  'building',
  'entrance',
  'floor',
  'room',
  'layout',
  'areaM2',
  'listPrice',
  'product',
  'orientation',
] as const
export type UnitImportField = (typeof UNIT_IMPORT_FIELDS)[number]
/** A row may leave these empty: 业态 is then 住宅, 朝向 unknown. */
export const OPTIONAL_FIELDS: readonly UnitImportField[] = ['product', 'orientation']

/** The template's headings, and the names each column goes by in the lists offices already keep. */
export const FIELD_HEADERS: Record<UnitImportField, { 'zh-CN': string; en: string; also: string[] }> = {
  building: { 'zh-CN': '楼栋', en: 'Building', also: ['栋', '楼号', '楼栋号', '幢'] },
  entrance: { 'zh-CN': '单元', en: 'Entrance', also: ['单元号'] },
  floor: { 'zh-CN': '楼层', en: 'Floor', also: ['层', '所在层'] },
  room: { 'zh-CN': '房号', en: 'Room', also: ['房间号', '房号名称', '室号'] },
  layout: { 'zh-CN': '户型', en: 'Layout', also: ['户型名称'] },
  areaM2: { 'zh-CN': '面积', en: 'Area', also: ['建筑面积', '面积m²', '面积㎡', 'area m2'] },
  listPrice: {
    'zh-CN': '表价(元)',
    en: 'List price (yuan)',
    also: ['表价', '总价', '标准总价', 'list price', 'price'],
  },
  product: { 'zh-CN': '业态', en: 'Product', also: ['物业类型', '产品类型'] },
  orientation: { 'zh-CN': '朝向', en: 'Orientation', also: [] },
}

/** A heading as compared: no brackets' content, no spaces, lower case (`表价（元）` → `表价`). */
const normal = (text: string) =>
  text
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase()

/** For each field, the column (0-based) whose heading names it, or null: exact names first, then a heading containing one. */
export function guessMapping(headers: readonly string[]): Record<UnitImportField, number | null> {
  const taken = new Set<number>()
  const names = (f: UnitImportField) =>
    [FIELD_HEADERS[f]['zh-CN'], FIELD_HEADERS[f].en, ...FIELD_HEADERS[f].also].map(normal)
  const mapping = Object.fromEntries(UNIT_IMPORT_FIELDS.map((f) => [f, null])) as Record<
    UnitImportField,
    number | null
  >
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of UNIT_IMPORT_FIELDS) {
      if (mapping[field] !== null) continue
      const wanted = names(field)
      const index = headers.findIndex((h, i) => {
        if (taken.has(i)) return false
        const heading = normal(h)
        if (!heading) return false
        return pass === 'exact' ? wanted.includes(heading) : wanted.some((w) => w && heading.includes(w))
      })
      if (index >= 0) {
        mapping[field] = index
        taken.add(index)
      }
    }
  }
  return mapping
}

/** An exceljs cell value as the text a person sees in it (a formula's result, rich text joined). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  // The shortest form that reads back as the same number: 89.57 stays `89.57`.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[])
        .map((r) => r.text ?? '')
        .join('')
        .trim()
    if ('result' in v) return cellText(v.result)
    if ('text' in v) return cellText(v.text)
  }
  return ''
}

/** `12`, `12层`, `12F`, `-1`, `B1` (below ground) → the floor number; anything else stays as typed. */
function floorOf(text: string): number | string | undefined {
  if (!text) return undefined
  const basement = /^B(\d+)$/i.exec(text)
  if (basement) return -Number(basement[1])
  const above = /^(-?\d+)\s*(层|F)?$/i.exec(text)
  return above ? Number(above[1]) : text
}

/** 住宅 / 商业 / 车位 in either language (or the code) → the product; anything else stays as typed. */
function productOf(text: string): ProductType | string | undefined {
  if (!text) return undefined
  const lower = text.toLowerCase()
  const found = PRODUCT_TYPES.find(
    (p) => p === lower || PRODUCT_LABELS[p]['zh-CN'] === text || PRODUCT_LABELS[p].en === lower,
  )
  if (found) return found
  if (/商铺|底商|门面/.test(text)) return 'commercial'
  if (/车库|停车/.test(text)) return 'parking'
  return text
}

export type RawUnitRow = Record<UnitImportField, string>

/** The schema's field of each column (the price column is yuan, the schema's fen). */
const COLUMN_OF: Partial<Record<string, UnitImportField>> = {
  ...Object.fromEntries(UNIT_IMPORT_FIELDS.map((f) => [f, f])),
  listPriceFen: 'listPrice',
}

export interface CheckedRow {
  /** The row's number in the sheet, as Excel shows it. */
  row: number
  raw: RawUnitRow
  unit: UnitRow | null
  errors: string[]
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** One row through the shared schema: the unit `units.import` takes, or each problem in a sentence. */
export function toUnitRow(
  raw: RawUnitRow,
  locale: Locale,
  t: Translate,
): { unit: UnitRow | null; errors: string[] } {
  const errors: string[] = []
  const area = raw.areaM2.replace(/\s*(m²|㎡|m2|平米|平方米)$/i, '')
  const price = raw.listPrice ? parseYuan(raw.listPrice) : undefined
  if (price === null) errors.push(t('unitImport.badPrice', { value: raw.listPrice }))
  const parsed = UnitRow.safeParse({
    building: raw.building,
    entrance: raw.entrance,
    floor: floorOf(raw.floor),
    room: raw.room,
    layout: raw.layout,
    areaM2: area === '' ? undefined : /^\d+(\.\d+)?$/.test(area) ? Number(area) : area,
    // A price that could not be read is reported above, not again as missing.
    listPriceFen: price ?? (price === null ? 0 : undefined),
    product: productOf(raw.product),
    orientation: raw.orientation || undefined,
  })
  if (!parsed.success)
    errors.push(
      ...new Set(
        parsed.error.issues.map((issue) => {
          // Named by the sheet's own headings: the shared words for `floor` are the questionnaire's
          // (意向楼层), and the price is typed in yuan, not fen.
          const key = issue.path.at(-1)
          const column = typeof key === 'string' ? COLUMN_OF[key] : undefined
          const sentence = describeIssue(issue, locale)
          return column
            ? sentence.replace(fieldName(issue.path, locale), t(`unitImport.fields.${column}`))
            : sentence
        }),
      ),
    )
  return { unit: parsed.success && !errors.length ? parsed.data : null, errors }
}

/**
 * Every row of the sheet checked: its own fields, a unit named twice in the file (the later row is
 * flagged, naming the earlier), and a unit the project already has.
 */
export function checkRows(
  rows: readonly { row: number; raw: RawUnitRow }[],
  existing: ReadonlySet<string>,
  locale: Locale,
  t: Translate,
): CheckedRow[] {
  const checked: CheckedRow[] = rows.map(({ row, raw }) => ({ row, raw, ...toUnitRow(raw, locale, t) }))
  const placed = checked.filter((c) => c.raw.building && c.raw.entrance && c.raw.room)
  for (const repeat of repeatedUnits(placed.map((c) => c.raw))) {
    const later = placed[repeat.row - 1]!
    later.errors.push(t('unitImport.repeated', { first: placed[repeat.first - 1]!.row, unit: repeat.unit }))
    later.unit = null
  }
  for (const c of placed) {
    if (!existing.has(unitPlaceKey(c.raw))) continue
    c.errors.push(t('unitImport.exists', { unit: unitPlaceLabel(c.raw) }))
    c.unit = null
  }
  return checked
}

/** The rows of the sheet as texts by field, each with its sheet row number; empty rows left out. */
export function rowsByMapping(
  sheet: { rows: { row: number; cells: string[] }[] },
  mapping: Record<UnitImportField, number | null>,
): { row: number; raw: RawUnitRow }[] {
  return sheet.rows.map(({ row, cells }) => ({
    row,
    raw: Object.fromEntries(
      UNIT_IMPORT_FIELDS.map((f) => {
        const i = mapping[f]
        return [f, i === null ? '' : (cells[i] ?? '').trim()]
      }),
    ) as RawUnitRow,
  }))
}

export interface SheetRows {
  headers: string[]
  rows: { row: number; cells: string[] }[]
}

async function excel() {
  // exceljs is large: fetched only when someone picks a file or asks for the template.
  const mod = await import('exceljs')
  return mod.Workbook ?? (mod as unknown as { default: typeof mod }).default.Workbook
}

/** The first sheet of an .xlsx: its first non-empty row as headings, then every row with something in it. */
export async function readSheet(data: ArrayBuffer): Promise<SheetRows> {
  const Workbook = await excel()
  const workbook = new Workbook()
  await workbook.xlsx.load(data)
  const sheet = workbook.worksheets[0]
  const result: SheetRows = { headers: [], rows: [] }
  if (!sheet) return result
  let headed = false
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value)
    })
    const filled = Array.from(cells, (c) => c ?? '')
    if (!filled.some(Boolean)) return
    if (!headed) {
      result.headers = filled
      headed = true
    } else result.rows.push({ row: number, cells: filled })
  })
  return result
}

/** The template: the headings in the reader's language, two example rows, the room column as text. */
export async function buildUnitTemplate(locale: Locale, sheetName: string): Promise<Blob> {
  const Workbook = await excel()
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow(UNIT_IMPORT_FIELDS.map((f) => FIELD_HEADERS[f][locale])).font = { bold: true }
  const product = PRODUCT_LABELS.residential[locale]
  sheet.addRow(['1栋', '1单元', 1, '101', '三室两厅', 89.57, 2_500_000, product, '南北'])
  sheet.addRow(['1栋', '1单元', 1, '102', '两室两厅', 76.32, 2_080_000.5, product, '南'])
  UNIT_IMPORT_FIELDS.forEach((f, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = f === 'listPrice' ? 18 : 12
    // Typed as text, a room keeps its leading zeros (0101).
    if (f === 'room') column.numFmt = '@'
  })
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
