import type { Locale } from '@anchang/shared'
import type { ExportTable } from '../../composables/useTableExport'
import { visitSummary } from './visit-form'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** `customers.personalData` as the page receives it (the fields the file prints). */
export interface PersonalData {
  exportedAt: string
  customer: {
    id: string
    name: string
    surname: string | null
    title: string | null
    fullName: string | null
    phones: string[]
    grade: string | null
    channel: string | null
    ownerId: string | null
    protectionEndsAt: string | null
    lastContactAt: string | null
    nextFollowUpOn: string | null
    tags: string[]
    notes: string | null
    createdAt: string
    erasedAt: string | null
  }
  checkIns: {
    at: string
    kind: string
    surname: string | null
    title: string | null
    partySize: number
    channel: string | null
    consentVersion: string | null
  }[]
  receptions: {
    at: string
    consultantId: string
    result: string | null
    grade: string | null
    note: string | null
  }[]
  activities: {
    type: string
    happenedAt: string
    enteredAt: string
    consultantId: string | null
    method: string | null
    grade: string | null
    note: string | null
    answers: unknown
  }[]
  channelReports: {
    channel: string
    agency: string | null
    agentName: string
    createdAt: string
    status: string
  }[]
  surveys: { title: string; at: string; answers: unknown; worded: { question: string; answer: string }[] }[]
  conflicts: { at: string; status: string }[]
}

export interface PersonalDataFormat {
  t: Translate
  locale: Locale
  dateTime: (iso: string | null | undefined) => string
  /** A consultant's name by id; the id itself when unknown. */
  nameOf: (id: string | null) => string
}

/**
 * Everything held about a customer as the sheets of one .xlsx, in the reader's language: who they
 * are, each visit, each reception, the timeline, channel reports, surveys and 撞单.
 */
export function personalDataSheets(data: PersonalData, f: PersonalDataFormat): ExportTable[] {
  const { t, dateTime, nameOf } = f
  const sub = [t('personal.file.customerLine', { name: data.customer.name || t('customers.nameless') })]
  const sheet = (key: string, header: string[], body: (string | number)[][]): ExportTable => ({
    title: t(`personal.sheets.${key}`),
    subtitle: sub,
    header,
    body,
  })
  const h = (...keys: string[]) => keys.map((k) => t(`personal.fields.${k}`))
  const c = data.customer
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : v)
  const said = (answers: unknown) =>
    answers === null || answers === undefined
      ? ''
      : Array.isArray(answers)
        ? answers
            .map((a, i) => `${i + 1}. ${Array.isArray(a) ? a.join('/') : a === null ? '—' : String(a)}`)
            .join('  ')
        : visitSummary(answers, f.locale)
  return [
    sheet('customer', h('item', 'value'), [
      [t('personal.fields.name'), s(c.name)],
      [t('personal.fields.surname'), s(c.surname)],
      [t('personal.fields.title'), s(c.title)],
      [t('personal.fields.fullName'), s(c.fullName)],
      [t('personal.fields.phones'), c.phones.join('、')],
      [t('personal.fields.grade'), s(c.grade)],
      [t('personal.fields.channel'), s(c.channel)],
      [t('personal.fields.owner'), c.ownerId ? nameOf(c.ownerId) : ''],
      [t('personal.fields.protectionEndsAt'), dateTime(c.protectionEndsAt)],
      [t('personal.fields.lastContactAt'), dateTime(c.lastContactAt)],
      [t('personal.fields.nextFollowUpOn'), s(c.nextFollowUpOn)],
      [t('personal.fields.tags'), c.tags.join('、')],
      [t('personal.fields.notes'), s(c.notes)],
      [t('personal.fields.createdAt'), dateTime(c.createdAt)],
      [t('personal.fields.erasedAt'), dateTime(c.erasedAt)],
      [t('personal.fields.exportedAt'), dateTime(data.exportedAt)],
    ]),
    sheet(
      'checkIns',
      h('at', 'kind', 'surname', 'title', 'partySize', 'channel', 'consent'),
      data.checkIns.map((v) => [
        dateTime(v.at),
        t(`kinds.${v.kind}`),
        s(v.surname),
        s(v.title),
        v.partySize,
        s(v.channel),
        s(v.consentVersion),
      ]),
    ),
    sheet(
      'receptions',
      h('at', 'consultant', 'result', 'grade', 'note'),
      data.receptions.map((r) => [
        dateTime(r.at),
        nameOf(r.consultantId),
        r.result ? t(`results.${r.result}`) : '',
        s(r.grade),
        s(r.note),
      ]),
    ),
    sheet(
      'activities',
      h('type', 'happenedAt', 'enteredAt', 'consultant', 'method', 'grade', 'note', 'answers'),
      data.activities.map((a) => [
        t(`customer.activity.${a.type}`),
        dateTime(a.happenedAt),
        dateTime(a.enteredAt),
        nameOf(a.consultantId),
        a.method ? t(`followUp.methods.${a.method}`) : '',
        s(a.grade),
        s(a.note),
        said(a.answers),
      ]),
    ),
    sheet(
      'channelReports',
      h('channel', 'agency', 'agentName', 'at', 'status'),
      data.channelReports.map((r) => [
        r.channel,
        s(r.agency),
        r.agentName,
        dateTime(r.createdAt),
        t(`channelReports.statuses.${r.status}`),
      ]),
    ),
    sheet(
      'surveys',
      h('survey', 'at', 'answers'),
      data.surveys.map((v) => [
        v.title,
        dateTime(v.at),
        v.worded.map((w, i) => `${i + 1}. ${w.question}：${w.answer || '—'}`).join('  '),
      ]),
    ),
    sheet(
      'conflicts',
      h('at', 'status'),
      data.conflicts.map((v) => [dateTime(v.at), t(`personal.conflictStatus.${v.status}`)]),
    ),
  ]
}

/** `个人信息-王建国-20260301-1405.json`: what it is, whose, and when. */
export function personalFileName(prefix: string, name: string, stamp: string, ext: 'xlsx' | 'json'): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-')
  return `${[safe(prefix), safe(name), stamp].filter(Boolean).join('-')}.${ext}`
}
