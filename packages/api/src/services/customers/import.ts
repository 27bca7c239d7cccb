/**
 * Customers from an .xlsx (an office's old book). The file arrives in parts under the body limit;
 * it is read as a stream and every row checked — the number, the grade, the owner, the channel,
 * duplicates within the file and with the book — with progress, and nothing is written until the
 * person confirms. Then the rows are staged in steps (progress again) and moved into the book in
 * one statement: all of them or none. A formula in a cell is taken as its text, never evaluated.
 */
import { Readable } from 'node:stream'
import { setImmediate as yieldToOthers } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import { and, eq, inArray } from 'drizzle-orm'
import { customerPhones, customers, importRows, newId, projectMembers, users } from '@anchang/db'
import {
  DomainError,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_PROBLEM_TEXT,
  checkImportRow,
  fail,
  fill,
  followUpDueOn,
  importColumnOf,
  isManaging,
  maskPhone,
  localDate,
  ownershipOnImport,
  sentence,
  type ImportColumn,
  type ImportRow,
  type ImportRowError,
  type MessageKey,
} from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { assertProjectAccess } from '../access'
import { configOf, searchNameOf } from './book'

/** Bytes per uploaded part: base64 of this stays well under the 64 KB request limit. */
export const IMPORT_CHUNK_BYTES = 45_000
/** Rows per step of the check against the book and of the staging writes: short enough not to stall the kiosk. */
const STEP_ROWS = 2_000
/** How many row errors the status carries (the count is always whole). */
const ERRORS_SHOWN = 1_000
const PREVIEW_ROWS = 20
/** An import nobody touches for this long is dropped (it wrote nothing). */
const IDLE_MS = 2 * 3_600_000

type Phase = 'uploading' | 'uploaded' | 'reading' | 'checking' | 'checked' | 'writing' | 'done' | 'failed'

interface StagedRow extends ImportRow {
  customerId: string
  protectionEndsAt: string | null
  ownerKept: string | null
  gradeAt: string | null
  followUpDueOn: string | null
}

interface ImportJob {
  id: string
  projectId: string
  userId: string
  fileName: string
  size: number
  parts: Buffer[]
  received: number
  phase: Phase
  done: number
  total: number
  rows: StagedRow[]
  errors: ImportRowError[]
  errorRows: number
  failure: { key: MessageKey; params: Record<string, string | number> } | null
  touchedAt: number
}

/** The imports under way, in memory: an upload or check that dies with the process wrote nothing. */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>()
  /** The most rows one import takes (tests lower it). */
  readonly maxRows: number
  /** Set on shutdown: a check or write under way stops at its next step and touches nothing more. */
  stopped = false

  constructor(opts: { maxRows?: number } = {}) {
    this.maxRows = opts.maxRows ?? IMPORT_MAX_ROWS
  }

  /**
   * One import per person: a new one replaces the person's earlier one (never one still reading,
   * checking or writing: `startImport` refuses then), so uploads started in a burst hold the memory
   * of one file, not of each. Imports left idle are dropped too; none of them has written anything.
   */
  add(job: ImportJob): void {
    for (const [id, other] of this.jobs)
      if (other.userId === job.userId || job.touchedAt - other.touchedAt > IDLE_MS) this.jobs.delete(id)
    this.jobs.set(job.id, job)
  }
  get(id: string): ImportJob | undefined {
    return this.jobs.get(id)
  }
  delete(id: string): void {
    this.jobs.delete(id)
  }
  stop(): void {
    this.stopped = true
  }
  /** The person's import that is still reading, checking or writing. */
  busyFor(userId: string): ImportJob | undefined {
    return [...this.jobs.values()].find(
      (j) =>
        j.userId === userId && (j.phase === 'reading' || j.phase === 'checking' || j.phase === 'writing'),
    )
  }
}

function jobOf(ctx: UserServiceContext, importId: string): ImportJob {
  const job = ctx.deps.imports.get(importId)
  if (!job) fail('NOT_FOUND', 'import.notFound')
  if (job.userId !== ctx.actor.user.id) fail('FORBIDDEN', 'import.notYours')
  assertProjectAccess(ctx, job.projectId)
  job.touchedAt = ctx.now.getTime()
  return job
}

/** What the import page shows: the phase and its progress, the counts, a preview, the row errors in words. */
function statusOf(job: ImportJob, ctx: UserServiceContext) {
  const { locale } = ctx
  // The preview's numbers as the contract has them: whole for managers and directors, masked otherwise.
  const full = isManaging(ctx.actor.user.role)
  const pool = job.rows.filter((r) => !r.ownerKept).length
  return {
    importId: job.id,
    fileName: job.fileName,
    phase: job.phase,
    done: job.done,
    total: job.total,
    received: job.received,
    size: job.size,
    counts: { good: job.rows.length, bad: job.errorRows, owned: job.rows.length - pool, pool },
    preview: job.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      row: r.row,
      name: r.name,
      phone: full ? r.phone : maskPhone(r.phone),
      grade: r.grade,
      ownerId: r.ownerKept,
      channel: r.channel,
      lastContactAt: r.lastContactAt?.toISOString() ?? null,
      toPool: !r.ownerKept,
    })),
    errors: job.errors.map((e) => ({
      row: e.row,
      column: e.column,
      problem: e.problem,
      message: fill(IMPORT_PROBLEM_TEXT[e.problem][locale], { firstRow: e.firstRow ?? '' }),
    })),
    failure: job.failure ? sentence(job.failure.key, locale, job.failure.params) : null,
  }
}

export function startImport({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; fileName: string; size: number }
}) {
  if (input.size > IMPORT_MAX_BYTES)
    fail('BAD_REQUEST', 'import.tooLarge', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })
  if (ctx.deps.imports.busyFor(ctx.actor.user.id)) fail('CONFLICT', 'import.busy')
  const job: ImportJob = {
    id: newId(ctx.now.getTime()),
    projectId: input.projectId,
    userId: ctx.actor.user.id,
    fileName: input.fileName,
    size: input.size,
    parts: [],
    received: 0,
    phase: 'uploading',
    done: 0,
    total: 0,
    rows: [],
    errors: [],
    errorRows: 0,
    failure: null,
    touchedAt: ctx.now.getTime(),
  }
  ctx.deps.imports.add(job)
  ctx.db.transaction((tx) =>
    audit(tx, ctx, 'customers.importStart', {
      projectId: job.projectId,
      input: { fileName: job.fileName, size: job.size },
    }),
  )
  return { importId: job.id, chunkBytes: IMPORT_CHUNK_BYTES }
}

/** One part of the file, in order; a part again (a retry) is taken once. */
export function uploadPart({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { importId: string; index: number; data: string }
}) {
  const job = jobOf(ctx, input.importId)
  if (job.phase !== 'uploading') return statusOf(job, ctx)
  if (input.index < job.parts.length) return statusOf(job, ctx)
  if (input.index !== job.parts.length)
    fail('BAD_REQUEST', 'import.chunkOrder', { expected: job.parts.length + 1 })
  const bytes = Buffer.from(input.data, 'base64')
  if (bytes.length > IMPORT_CHUNK_BYTES || job.received + bytes.length > job.size) {
    fail('BAD_REQUEST', 'import.tooLarge', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })
  }
  job.parts.push(bytes)
  job.received += bytes.length
  if (job.received === job.size) job.phase = 'uploaded'
  return statusOf(job, ctx)
}

/** Starts reading and checking the uploaded file; the page follows it with `importStatus`. */
export function checkImport({ ctx, input }: { ctx: UserServiceContext; input: { importId: string } }) {
  const job = jobOf(ctx, input.importId)
  if (job.phase === 'uploading') fail('CONFLICT', 'import.incomplete')
  if (job.phase === 'uploaded') {
    job.phase = 'reading'
    ctx.db.transaction((tx) =>
      audit(tx, ctx, 'customers.importCheck', {
        projectId: job.projectId,
        input: { fileName: job.fileName },
      }),
    )
    void runCheck(ctx, job).catch((error: unknown) => failJob(ctx, job, error))
  }
  return statusOf(job, ctx)
}

export function importStatus({ ctx, input }: { ctx: UserServiceContext; input: { importId: string } }) {
  return statusOf(jobOf(ctx, input.importId), ctx)
}

/** The person confirms: every checked row goes into the book, or none does. */
export function commitImport({ ctx, input }: { ctx: UserServiceContext; input: { importId: string } }) {
  const job = jobOf(ctx, input.importId)
  if (job.phase === 'writing' || job.phase === 'done') return statusOf(job, ctx)
  if (job.phase !== 'checked') fail('CONFLICT', 'import.notChecked')
  if (job.errorRows) fail('BAD_REQUEST', 'import.hasErrors', { n: job.errorRows })
  job.phase = 'writing'
  job.done = 0
  job.total = job.rows.length
  // The confirmation; the entry of what went into the book commits with the rows (`customers.import`).
  ctx.db.transaction((tx) =>
    audit(tx, ctx, 'customers.importCommit', {
      projectId: job.projectId,
      input: { fileName: job.fileName, rows: job.rows.length },
    }),
  )
  void runWrite(ctx, job).catch((error: unknown) => failJob(ctx, job, error))
  return statusOf(job, ctx)
}

export function cancelImport({ ctx, input }: { ctx: UserServiceContext; input: { importId: string } }) {
  const job = jobOf(ctx, input.importId)
  if (job.phase === 'writing') fail('CONFLICT', 'import.busy')
  ctx.db.transaction((tx) => {
    tx.delete(importRows).where(eq(importRows.importId, job.id)).run()
    audit(tx, ctx, 'customers.importCancel', {
      projectId: job.projectId,
      input: { fileName: job.fileName },
    })
  })
  ctx.deps.imports.delete(job.id)
  return { ok: true as const }
}

/** Thrown at a step after shutdown began: the job ends there, with the database left alone. */
class Stopped extends Error {}

/** Between steps: lets the kiosk's calls run, then goes on unless the server is shutting down. */
async function nextStep(ctx: UserServiceContext): Promise<void> {
  await yieldToOthers()
  if (ctx.deps.imports.stopped) throw new Stopped()
}

function failJob(ctx: UserServiceContext, job: ImportJob, error: unknown): void {
  job.phase = 'failed'
  if (error instanceof Stopped) return
  ctx.db.delete(importRows).where(eq(importRows.importId, job.id)).run()
  job.rows = []
  if (error instanceof DomainError)
    job.failure = { key: error.key, params: error.params as Record<string, string | number> }
  else {
    ctx.deps.log.error('import failed', {
      importId: job.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
    job.failure = { key: 'import.failed', params: {} }
  }
}

/** A cell as text (or a Date for an Excel date): formulas by their text, rich text and links by what they show. */
function cellValue(value: ExcelJS.CellValue): string | Date {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if ('richText' in value) return value.richText.map((t) => t.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as { formula?: string; sharedFormula?: string }
    return `=${f.formula ?? f.sharedFormula ?? ''}`
  }
  if ('text' in value && typeof value.text === 'string') return value.text
  if ('error' in value) return String(value.error)
  return ''
}

/** The first sheet's rows by column, the header naming the columns; refuses what is not an .xlsx. */
async function readSheet(
  job: ImportJob,
  maxRows: number,
): Promise<{ row: number; cells: Partial<Record<ImportColumn, string | Date>> }[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.concat(job.parts)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  })
  const rows: { row: number; cells: Partial<Record<ImportColumn, string | Date>> }[] = []
  let columns: (ImportColumn | null)[] | null = null
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).map(cellValue)
        if (!columns) {
          columns = values.map((v) => (typeof v === 'string' ? importColumnOf(v) : null))
          if (!columns.includes('phone')) throw new DomainError('BAD_REQUEST', 'import.noPhoneColumn')
          continue
        }
        const cells: Partial<Record<ImportColumn, string | Date>> = {}
        values.forEach((v, i) => {
          const key = columns![i]
          if (key && v !== '') cells[key] = v
        })
        if (!Object.keys(cells).length) continue
        rows.push({ row: row.number, cells })
        if (rows.length > maxRows)
          throw new DomainError('BAD_REQUEST', 'import.tooManyRows', { max: maxRows })
        job.done = rows.length
      }
      break
    }
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw new DomainError('BAD_REQUEST', 'import.notXlsx')
  }
  if (!columns) throw new DomainError('BAD_REQUEST', 'import.notXlsx')
  return rows
}

/** The project's active consultants by name and username, lowercased; a name two share maps to null. */
function consultantsOf(ctx: UserServiceContext, projectId: string): Map<string, string | null> {
  const people = ctx.db
    .select({ id: users.id, name: users.name, username: users.username })
    .from(users)
    .innerJoin(
      projectMembers,
      and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, projectId)),
    )
    .where(and(eq(users.role, 'consultant'), eq(users.active, true)))
    .all()
  const byKey = new Map<string, string | null>()
  for (const p of people) {
    const name = p.name.toLowerCase()
    byKey.set(name, byKey.has(name) && byKey.get(name) !== p.id ? null : p.id)
  }
  for (const p of people) byKey.set(p.username.toLowerCase(), p.id)
  return byKey
}

/** Numbers of `phones` the project's book already holds, as a number on record or another number. */
function numbersInBook(ctx: UserServiceContext, projectId: string, phones: string[]): Set<string> {
  if (!phones.length) return new Set()
  const direct = ctx.db
    .select({ phone: customers.phone })
    .from(customers)
    .where(and(eq(customers.projectId, projectId), inArray(customers.phone, phones)))
    .all()
  const others = ctx.db
    .select({ phone: customerPhones.phone })
    .from(customerPhones)
    .where(and(eq(customerPhones.projectId, projectId), inArray(customerPhones.phone, phones)))
    .all()
  return new Set([...direct, ...others].map((r) => r.phone))
}

async function runCheck(ctx: UserServiceContext, job: ImportJob): Promise<void> {
  const sheet = await readSheet(job, ctx.deps.imports.maxRows)
  if (ctx.deps.imports.stopped) throw new Stopped()
  if (!sheet.length) throw new DomainError('BAD_REQUEST', 'import.empty')
  job.phase = 'checking'
  job.done = 0
  job.total = sheet.length
  const config = configOf(ctx, job.projectId)
  const check = {
    consultants: consultantsOf(ctx, job.projectId),
    channels: new Set(config.channels),
    today: localDate(ctx.now, config.timeZone),
  }
  const firstRowOf = new Map<string, number>()
  const badRows = new Set<number>()
  const addError = (e: ImportRowError) => {
    badRows.add(e.row)
    if (job.errors.length < ERRORS_SHOWN) job.errors.push(e)
  }
  for (let at = 0; at < sheet.length; at += STEP_ROWS) {
    const step: ImportRow[] = []
    for (const { row, cells } of sheet.slice(at, at + STEP_ROWS)) {
      const checked = checkImportRow(row, cells, check)
      if (!checked.ok) {
        checked.errors.forEach(addError)
        continue
      }
      const first = firstRowOf.get(checked.value.phone)
      if (first !== undefined) {
        addError({ row, column: 'phone', problem: 'duplicateInFile', firstRow: first })
        continue
      }
      firstRowOf.set(checked.value.phone, row)
      step.push(checked.value)
    }
    const known = numbersInBook(
      ctx,
      job.projectId,
      step.map((r) => r.phone),
    )
    for (const r of step) {
      if (known.has(r.phone)) {
        addError({ row: r.row, column: 'phone', problem: 'duplicateInBook' })
        continue
      }
      const record = ownershipOnImport(r, ctx.now, config.settings.ownership)
      job.rows.push({
        ...r,
        customerId: newId(ctx.now.getTime()),
        ownerKept: record.ownerId,
        protectionEndsAt: record.protectionEndsAt,
        gradeAt: record.gradeAt,
        followUpDueOn: record.ownerId
          ? followUpDueOn(record, config.settings.ownership.followUpDays, config.timeZone)
          : null,
      })
    }
    job.done = Math.min(sheet.length, at + STEP_ROWS)
    job.errorRows = badRows.size
    await nextStep(ctx)
  }
  job.errors.sort((a, b) => a.row - b.row)
  job.phase = 'checked'
}

async function runWrite(ctx: UserServiceContext, job: ImportJob): Promise<void> {
  const at = ctx.now.toISOString()
  const sqlite = ctx.db.$client
  const stage = sqlite.prepare(
    `insert into import_rows (import_id, row_no, customer_id, project_id, phone, full_name, search_name, channel, owner_id,
       protection_ends_at, last_contact_at, grade, grade_at, follow_up_due_on, notes, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (let i = 0; i < job.rows.length; i += STEP_ROWS) {
    const step = job.rows.slice(i, i + STEP_ROWS)
    ctx.db.transaction(() => {
      for (const r of step) {
        stage.run(
          job.id,
          r.row,
          r.customerId,
          job.projectId,
          r.phone,
          r.name,
          searchNameOf({ fullName: r.name, surname: null, title: null }),
          r.channel,
          r.ownerKept,
          r.protectionEndsAt,
          r.lastContactAt?.toISOString() ?? null,
          r.grade,
          r.gradeAt,
          r.followUpDueOn,
          r.notes,
          at,
        )
      }
    })
    job.done = i + step.length
    await nextStep(ctx)
  }
  ctx.db.transaction((tx) => {
    // Someone may have registered one of the numbers since the check: then nothing goes in.
    const taken = sqlite
      .prepare(
        `select count(*) from import_rows r where r.import_id = ? and (
           exists (select 1 from customers c where c.project_id = r.project_id and c.phone = r.phone) or
           exists (select 1 from customer_phones p where p.project_id = r.project_id and p.phone = r.phone))`,
      )
      .pluck()
      .get(job.id) as number
    if (taken) throw new DomainError('CONFLICT', 'import.changed', { n: taken })
    sqlite
      .prepare(
        `insert into customers (id, project_id, phone, full_name, search_name, channel, owner_id, protection_ends_at,
           last_contact_at, grade, grade_at, follow_up_due_on, notes, created_at, updated_at)
         select customer_id, project_id, phone, full_name, search_name, channel, owner_id, protection_ends_at,
           last_contact_at, grade, grade_at, follow_up_due_on, notes, created_at, created_at
         from import_rows where import_id = ? order by row_no`,
      )
      .run(job.id)
    // One timeline entry each: where the customer came from and who they went to.
    sqlite
      .prepare(
        `insert into activities (id, project_id, customer_id, type, happened_at, entered_at, late, consultant_id, note, payload)
         select customer_id || '.imported', project_id, customer_id, 'ownership', ?, ?, 0, ?, ?,
           json_object('change', 'imported', 'from', null, 'to', owner_id)
         from import_rows where import_id = ?`,
      )
      .run(at, at, ctx.actor.user.id, job.fileName, job.id)
    tx.delete(importRows).where(eq(importRows.importId, job.id)).run()
    audit(tx, ctx, 'customers.import', {
      projectId: job.projectId,
      input: {
        fileName: job.fileName,
        rows: job.rows.length,
        owned: job.rows.filter((r) => r.ownerKept).length,
      },
    })
  })
  job.phase = 'done'
}
