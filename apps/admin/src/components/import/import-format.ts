import { IMPORT_COLUMNS, type Locale } from '@anchang/shared'

/** The phases of `customers.importStatus`, in the order an import goes through them. */
export type ImportPhase =
  | 'uploading'
  | 'uploaded'
  | 'reading'
  | 'checking'
  | 'checked'
  | 'writing'
  | 'done'
  | 'failed'

/** The parts a file is sent in, of `chunkBytes` each (the last one shorter). */
export function partRanges(
  size: number,
  chunkBytes: number,
): { index: number; start: number; end: number }[] {
  const parts: { index: number; start: number; end: number }[] = []
  for (let start = 0, index = 0; start < size; start += chunkBytes, index += 1)
    parts.push({ index, start, end: Math.min(size, start + chunkBytes) })
  return parts
}

/** Bytes as base64, in slices small enough for `String.fromCharCode` on any browser. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** A whole-number percentage of `done` out of `total`, 0 when nothing is known yet. */
export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0
}

/** Whether the page should keep asking how the import is going. */
export const isWorking = (phase: ImportPhase): boolean =>
  phase === 'reading' || phase === 'checking' || phase === 'writing'

/** The template's heading row and an example row, in the reader's language. */
export function templateRows(locale: Locale): string[][] {
  return [IMPORT_COLUMNS.map((c) => c.header[locale]), IMPORT_COLUMNS.map((c) => c.example)]
}

/** The template as an .xlsx made in the browser: headings, an example, phone and date columns as text. */
export async function buildTemplate(locale: Locale, sheetName: string): Promise<Blob> {
  // exceljs is large: fetched only when someone downloads the template.
  const mod = await import('exceljs')
  const Workbook = mod.Workbook ?? (mod as unknown as { default: typeof mod }).default.Workbook
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  const [header, example] = templateRows(locale)
  sheet.addRow(header).font = { bold: true }
  sheet.addRow(example)
  IMPORT_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = c.key === 'notes' ? 30 : 16
    // Typed as text, a number keeps its leading digits and a date stays as written.
    if (c.key === 'phone' || c.key === 'lastContact') column.numFmt = '@'
  })
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
