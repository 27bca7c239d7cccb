import type { Workbook as ExcelWorkbook } from 'exceljs'
import { ref } from 'vue'

export type CellValue = string | number | null | undefined

/** One column of an exported list: its heading and how a row reads in it. */
export interface ExportColumn<T> {
  title: string
  value: (row: T) => CellValue
}

export interface ExportTable {
  /** Heading of the sheet, e.g. 员工名单. */
  title: string
  /** Lines under the heading: project, export time. */
  subtitle: string[]
  header: string[]
  body: (string | number)[][]
  /** Excel number formats per column (`0.0%`, `#,##0.00`): the file keeps numbers, shown as on screen. */
  numFmts?: (string | undefined)[]
  /** A number format per body row, for every column after the first (a report's lines of mixed kinds). */
  rowFmts?: (string | undefined)[]
  /** Lines under the table: the formulas a report used. */
  footer?: string[]
}

/** The heading row and one row per item, blanks for missing values, in column order. */
export function buildExportRows<T>(
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): (string | number)[][] {
  return [columns.map((c) => c.title), ...rows.map((row) => columns.map((c) => c.value(row) ?? ''))]
}

/** A Chinese character takes two columns of an Excel cell. */
export function displayWidth(value: string | number): number {
  let width = 0
  for (const ch of String(value)) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1
  return width
}

/** Column widths that fit the longest cell, within reason. */
export function columnWidths(rows: readonly (readonly (string | number)[])[]): number[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))
    })
  }
  return widths.map((w) => Math.min(Math.max(w + 2, 8), 60))
}

/** `员工名单-DEMO-20260301-1405.xlsx`: sorts by time and is safe on every file system. */
export function exportFileName(title: string, projectCode: string | null, stamp: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-')
  return [safe(title), projectCode && safe(projectCode), stamp].filter(Boolean).join('-') + '.xlsx'
}

/** `20260301-1405` from `2026-03-01 14:05`. */
export function fileStamp(dateTime: string): string {
  return dateTime.replace(/[-:]/g, '').replace(' ', '-')
}

/** One sheet: heading, subtitle lines, a bold heading row with a filter, then the rows. */
function addSheet(workbook: ExcelWorkbook, table: ExportTable, name: string): void {
  const sheet = workbook.addWorksheet(name)
  const columnCount = Math.max(table.header.length, 1)

  sheet.addRow([table.title]).font = { bold: true, size: 14 }
  sheet.mergeCells(1, 1, 1, columnCount)
  for (const line of table.subtitle) {
    const row = sheet.addRow([line])
    row.font = { color: { argb: 'FF555555' } }
    sheet.mergeCells(row.number, 1, row.number, columnCount)
  }
  const headerRow = sheet.addRow(table.header)
  headerRow.font = { bold: true }
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF9' } }
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA8C2' } } }
  })
  table.body.forEach((cells, i) => {
    const row = sheet.addRow(cells)
    const rowFmt = table.rowFmts?.[i]
    row.eachCell((cell, column) => {
      const numFmt = (column > 1 ? rowFmt : undefined) ?? table.numFmts?.[column - 1]
      if (numFmt && typeof cell.value === 'number') cell.numFmt = numFmt
    })
  })
  if (table.footer?.length) sheet.addRow([])
  for (const line of table.footer ?? []) {
    const row = sheet.addRow([line])
    row.font = { italic: true, color: { argb: 'FF555555' } }
    sheet.mergeCells(row.number, 1, row.number, columnCount)
  }

  columnWidths([table.header, ...table.body]).forEach((width, i) => {
    sheet.getColumn(i + 1).width = width
  })
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }]
  if (table.body.length) {
    sheet.autoFilter = {
      from: { row: headerRow.number, column: 1 },
      to: { row: headerRow.number, column: columnCount },
    }
  }
}

/** Excel's sheet names: at most 31 characters, none of `\ / ? * [ ] :`, and each different. */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>()
  return titles.map((title) => {
    const base = title.replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || 'Sheet'
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 28)}(${n})`
    used.add(name.toLowerCase())
    return name
  })
}

/** The .xlsx file, one sheet per table, in order. */
export async function buildWorkbookSheets(tables: readonly ExportTable[]): Promise<Blob> {
  // exceljs is large: fetched only when someone actually exports.
  const mod = await import('exceljs')
  const Workbook = mod.Workbook ?? (mod as unknown as { default: typeof mod }).default.Workbook
  const workbook = new Workbook()
  workbook.created = new Date()
  const names = sheetNames(tables.map((t) => t.title))
  tables.forEach((table, i) => addSheet(workbook, table, names[i]!))
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

/** The .xlsx file of one list. */
export function buildWorkbook(table: ExportTable): Promise<Blob> {
  return buildWorkbookSheets([table])
}

/** One page of a list read by cursor, as `customers.list` answers. */
export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * Every page of a list, for an export of the whole list rather than the part on screen: read page
 * after page until the last, or until `cap` rows (a file that large is not read by anyone, and the
 * reads take the server's time), saying how far it got after each page.
 */
export async function collectPages<T>(
  read: (cursor: string | null) => Promise<CursorPage<T>>,
  options: { cap: number; onProgress?: (count: number) => void },
): Promise<{ rows: T[]; capped: boolean }> {
  const rows: T[] = []
  let cursor: string | null = null
  do {
    const page: CursorPage<T> = await read(cursor)
    rows.push(...page.items)
    cursor = page.nextCursor
    options.onProgress?.(Math.min(rows.length, options.cap))
  } while (cursor !== null && rows.length < options.cap)
  return { rows: rows.slice(0, options.cap), capped: rows.length > options.cap || cursor !== null }
}

/** Hands a file made in the page to the browser's downloads. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser has taken the file by the next tick; the URL would otherwise hold the blob in memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Excel export and printing for any list page. */
export function useTableExport() {
  const exporting = ref(false)

  async function exportXlsx<T>(options: {
    title: string
    subtitle: string[]
    fileName: string
    columns: readonly ExportColumn<T>[]
    rows: readonly T[]
  }): Promise<void> {
    exporting.value = true
    try {
      const [header = [], ...body] = buildExportRows(options.columns, options.rows)
      const blob = await buildWorkbook({
        title: options.title,
        subtitle: options.subtitle,
        header: header.map(String),
        body,
      })
      download(blob, options.fileName)
    } finally {
      exporting.value = false
    }
  }

  function print(): void {
    window.print()
  }

  return { exporting, exportXlsx, print }
}
