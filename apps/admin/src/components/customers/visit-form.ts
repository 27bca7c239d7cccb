import {
  VISIT_FIELDS,
  VISIT_OPTIONAL_FIELDS,
  missingVisitFields,
  visitAnswerWords,
  type Locale,
  type VisitAnswers,
  type VisitField,
} from '@anchang/shared'

/** The form as it is being filled: a choice, several choices, or typed text per field. */
export type VisitDraft = Record<string, string | string[]>

/**
 * What an earlier registration already says about the customer, to start from on a repeat visit:
 * only the form's own fields and choices that still exist. Whether this is a first or repeat visit
 * is this visit's own fact, so it is asked again every time.
 */
export function draftFrom(previous: unknown): VisitDraft {
  const draft: VisitDraft = {}
  if (!previous || typeof previous !== 'object') return draft
  const answers = previous as Record<string, unknown>
  for (const field of VISIT_FIELDS) {
    if (field.key === 'visitKind') continue
    const value = answers[field.key]
    const allowed = new Set((field.choices ?? []).map((c) => c.value))
    if (field.kind === 'text' && typeof value === 'string') draft[field.key] = value
    else if (field.kind === 'single' && typeof value === 'string' && allowed.has(value))
      draft[field.key] = value
    else if (field.kind === 'multiple' && Array.isArray(value)) {
      const kept = value.filter((v): v is string => typeof v === 'string' && allowed.has(v))
      if (kept.length) draft[field.key] = kept
    }
  }
  return draft
}

/** A tap on a chip: a single choice is taken (or taken back on a second tap); a multiple one toggles. */
export function toggleChoice(draft: VisitDraft, field: VisitField, value: string): VisitDraft {
  const next = { ...draft }
  if (field.kind === 'single') {
    if (next[field.key] === value) delete next[field.key]
    else next[field.key] = value
  } else if (field.kind === 'multiple') {
    const list = Array.isArray(next[field.key]) ? (next[field.key] as string[]) : []
    const toggled = list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
    if (toggled.length) next[field.key] = toggled
    else delete next[field.key]
  }
  return next
}

export function isChosen(draft: VisitDraft, field: VisitField, value: string): boolean {
  const current = draft[field.key]
  return Array.isArray(current) ? current.includes(value) : current === value
}

/** The answers to send: blanks left out, text trimmed, choices in the form's order. */
export function answersOf(draft: VisitDraft): VisitAnswers {
  const answers: VisitAnswers = {}
  for (const field of VISIT_FIELDS) {
    const value = draft[field.key]
    if (value === undefined) continue
    if (field.kind === 'text') {
      const text = String(value).trim()
      if (text) answers[field.key] = text
    } else if (field.kind === 'multiple') {
      const list = (field.choices ?? []).map((c) => c.value).filter((v) => (value as string[]).includes(v))
      if (list.length) answers[field.key] = list
    } else answers[field.key] = value
  }
  return answers
}

/** The required fields still blank, as their labels: `性别、年龄段`. */
export function missingLabels(draft: VisitDraft, locale: Locale): string[] {
  const missing = new Set(missingVisitFields(answersOf(draft)))
  return VISIT_FIELDS.filter((f) => missing.has(f.key)).map((f) => f.label[locale])
}

export const isOptional = (field: VisitField): boolean => VISIT_OPTIONAL_FIELDS.has(field.key)

/** A registration on the timeline, in one line: `性别：男；来访类型：首访；决策因素：地段、价格`. */
export function visitSummary(answers: unknown, locale: Locale): string {
  if (!answers || typeof answers !== 'object') return ''
  const given = answers as Record<string, string | string[] | undefined>
  const sep = locale === 'zh-CN' ? '：' : ': '
  return VISIT_FIELDS.filter((f) => given[f.key] !== undefined && given[f.key] !== '')
    .map((f) => `${f.label[locale]}${sep}${visitAnswerWords(f, given[f.key], locale)}`)
    .join(locale === 'zh-CN' ? '；' : '; ')
}
