/**
 * Customers brought in from an .xlsx (an office's old book): the template's columns, and the check
 * of one row — the number, the grade, the owner, the channel, the last contact — as pure rules.
 * What a row cannot be (a duplicate within the file or with the book) the caller adds.
 */
import { GRADES, type Grade } from '../rotation/types'
import { normalizePhone } from '../phone'
import type { Locale } from '../i18n/locale'

/** The most rows one import takes; a file with more is refused before anything is checked. */
export const IMPORT_MAX_ROWS = 200_000
/** The largest file accepted, in bytes (200 000 rows of the template's columns fit well inside). */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024

export const IMPORT_COLUMNS = [
  { key: 'name', header: { 'zh-CN': '姓名', en: 'Name' }, example: '王建国' },
  { key: 'phone', header: { 'zh-CN': '手机号', en: 'Phone' }, example: '13812345678' },
  { key: 'grade', header: { 'zh-CN': '等级', en: 'Grade' }, example: 'B' },
  { key: 'owner', header: { 'zh-CN': '归属顾问', en: 'Owner' }, example: '张伟' },
  { key: 'channel', header: { 'zh-CN': '渠道', en: 'Channel' }, example: '自然来访' },
  { key: 'lastContact', header: { 'zh-CN': '最后联系日期', en: 'Last contact' }, example: '2026-02-20' },
  { key: 'notes', header: { 'zh-CN': '备注', en: 'Notes' }, example: '看过 3 号楼样板间' },
] as const satisfies readonly { key: string; header: Record<Locale, string>; example: string }[]
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key']

/** Which column each header cell names, in either language, ignoring spaces and case; unknown headers are skipped. */
export function importColumnOf(header: string): ImportColumn | null {
  const text = header.replace(/\s+/g, '').toLowerCase()
  for (const c of IMPORT_COLUMNS) {
    if (
      text === c.header['zh-CN'] ||
      text === c.header.en.replace(/\s+/g, '').toLowerCase() ||
      text === c.key.toLowerCase()
    )
      return c.key
  }
  return null
}

export type ImportProblem =
  | 'phoneInvalid'
  | 'phoneMissing'
  | 'nameTooLong'
  | 'nameInvalid'
  | 'gradeInvalid'
  | 'ownerUnknown'
  | 'ownerAmbiguous'
  | 'ownerWithoutContact'
  | 'channelUnknown'
  | 'dateInvalid'
  | 'dateInFuture'
  | 'notesTooLong'
  | 'duplicateInFile'
  | 'duplicateInBook'

export interface ImportRowError {
  /** The row's number in the sheet (the header is row 1). */
  row: number
  column: ImportColumn
  problem: ImportProblem
  /** The other row a duplicate repeats. */
  firstRow?: number
}

export interface ImportRow {
  row: number
  phone: string
  name: string | null
  grade: Grade | null
  ownerId: string | null
  channel: string | null
  /** Midday of the last contact's date, UTC: a date-only cell has no time of its own. */
  lastContactAt: Date | null
  notes: string | null
}

export interface ImportContext {
  /** The project's active consultants by name and by username, lowercased; a name two people share maps to null. */
  consultants: ReadonlyMap<string, string | null>
  channels: ReadonlySet<string>
  /** Today in the project, `YYYY-MM-DD`. */
  today: string
}

const HIDDEN = /[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u

/** A cell's date as `YYYY-MM-DD`: an Excel date, or text like 2026-02-20, 2026/2/20 or 2026.2.20. */
export function importDate(value: string | Date): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

/** One row's cells (as text, or a Date for an Excel date) checked: the row to write, or what is wrong with it. */
export function checkImportRow(
  row: number,
  cells: Partial<Record<ImportColumn, string | Date>>,
  ctx: ImportContext,
): { ok: true; value: ImportRow } | { ok: false; errors: ImportRowError[] } {
  const errors: ImportRowError[] = []
  const problem = (column: ImportColumn, p: ImportProblem) => errors.push({ row, column, problem: p })
  const text = (column: ImportColumn) => {
    const v = cells[column]
    return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? '').trim()
  }

  const rawPhone = text('phone')
  const phone = rawPhone ? normalizePhone(rawPhone) : null
  if (!rawPhone) problem('phone', 'phoneMissing')
  else if (!phone) problem('phone', 'phoneInvalid')

  const name = text('name')
  if (name.length > 40) problem('name', 'nameTooLong')
  else if (HIDDEN.test(name)) problem('name', 'nameInvalid')

  const rawGrade = text('grade').toUpperCase()
  const grade = rawGrade
    ? (GRADES as readonly string[]).includes(rawGrade)
      ? (rawGrade as Grade)
      : null
    : null
  if (rawGrade && !grade) problem('grade', 'gradeInvalid')

  const owner = text('owner')
  let ownerId: string | null = null
  if (owner) {
    const found = ctx.consultants.get(owner.toLowerCase())
    if (found === undefined) problem('owner', 'ownerUnknown')
    else if (found === null) problem('owner', 'ownerAmbiguous')
    else ownerId = found
  }

  const channel = text('channel')
  if (channel && !ctx.channels.has(channel)) problem('channel', 'channelUnknown')

  const rawDate = cells.lastContact
  const date = rawDate instanceof Date || (rawDate && rawDate.trim()) ? importDate(rawDate) : null
  if (rawDate && (rawDate instanceof Date || rawDate.trim()) && !date) problem('lastContact', 'dateInvalid')
  else if (date && date > ctx.today) problem('lastContact', 'dateInFuture')
  if (ownerId && !date && !errors.some((e) => e.column === 'lastContact'))
    problem('lastContact', 'ownerWithoutContact')

  const notes = text('notes')
  if (notes.length > 1000) problem('notes', 'notesTooLong')

  if (errors.length || !phone) return { ok: false, errors }
  return {
    ok: true,
    value: {
      row,
      phone,
      name: name || null,
      grade,
      ownerId,
      channel: channel || null,
      lastContactAt: date ? new Date(`${date}T04:00:00.000Z`) : null,
      notes: notes || null,
    },
  }
}

/** How each problem reads on the import's error list. */
export const IMPORT_PROBLEM_TEXT: Record<ImportProblem, Record<Locale, string>> = {
  phoneInvalid: { 'zh-CN': '手机号不是 11 位大陆手机号', en: 'not an 11-digit mainland mobile number' },
  phoneMissing: { 'zh-CN': '缺少手机号', en: 'the phone number is missing' },
  nameTooLong: { 'zh-CN': '姓名超过 40 个字', en: 'the name is longer than 40 characters' },
  nameInvalid: { 'zh-CN': '姓名含有不可见字符', en: 'the name holds hidden characters' },
  gradeInvalid: { 'zh-CN': '等级只能是 A、B、C、D', en: 'the grade must be A, B, C or D' },
  ownerUnknown: { 'zh-CN': '不是本项目在职的置业顾问', en: 'not an active consultant of this project' },
  ownerAmbiguous: {
    'zh-CN': '有同名顾问，请填写用户名',
    en: 'two consultants share this name; use the username',
  },
  ownerWithoutContact: {
    'zh-CN': '有归属顾问时请填写最后联系日期',
    en: 'a customer with an owner needs a last contact date',
  },
  channelUnknown: { 'zh-CN': '不是本项目的渠道', en: 'not one of the project’s channels' },
  dateInvalid: { 'zh-CN': '日期格式不对（如 2026-02-20）', en: 'not a date (e.g. 2026-02-20)' },
  dateInFuture: { 'zh-CN': '最后联系日期晚于今天', en: 'the last contact is after today' },
  notesTooLong: { 'zh-CN': '备注超过 1000 字', en: 'the notes are longer than 1000 characters' },
  duplicateInFile: { 'zh-CN': '与第 {firstRow} 行的手机号重复', en: 'the same number as row {firstRow}' },
  duplicateInBook: { 'zh-CN': '客户库中已有这个手机号', en: 'this number is already in the book' },
}
