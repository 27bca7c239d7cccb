import type { SurveyAnswer, SurveyQuestion, SurveyTally } from '@anchang/shared'

type Translate = (key: string, params?: Record<string, unknown>) => string

export type SurveyKind = SurveyQuestion['kind']
export const SURVEY_KINDS: readonly SurveyKind[] = ['single', 'multiple', 'scale', 'text']

/** A question as the director types it: the choices one per line. */
export interface QuestionDraft {
  kind: SurveyKind
  text: string
  options: string
  min: number
  max: number
}

export const newQuestion = (kind: SurveyKind = 'single'): QuestionDraft => ({
  kind,
  text: '',
  options: '',
  min: 1,
  max: 5,
})

/** The choices typed, one per line: blanks dropped, each once. */
export function optionLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean)
}

/** The questions to send; the server names anything still wrong (too few choices, an empty text). */
export function questionsOf(drafts: readonly QuestionDraft[]): SurveyQuestion[] {
  return drafts.map((d): SurveyQuestion => {
    const text = d.text.trim()
    if (d.kind === 'single' || d.kind === 'multiple')
      return { kind: d.kind, text, options: optionLines(d.options) }
    if (d.kind === 'scale') return { kind: 'scale', text, min: d.min, max: d.max }
    return { kind: 'text', text }
  })
}

/** A scale's points, `min` to `max`. */
export function scalePoints(q: { min: number; max: number }): number[] {
  return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i)
}

/** A tap on a choice of a multiple-choice question: in or out, kept in the question's order. */
export function toggleIndex(current: SurveyAnswer, index: number): number[] {
  const list = Array.isArray(current) ? current : []
  return (list.includes(index) ? list.filter((i) => i !== index) : [...list, index]).sort((a, b) => a - b)
}

/** The sheet to send: typed text trimmed, a blank or an empty choice list sent as skipped. */
export function answersToSend(answers: readonly SurveyAnswer[]): SurveyAnswer[] {
  return answers.map((a) => {
    if (typeof a === 'string') return a.trim() || null
    if (Array.isArray(a)) return a.length ? a : null
    return a
  })
}

/** Whether a survey runs on `today` (`YYYY-MM-DD`), has not begun, or is over. */
export function surveyPeriod(s: { startsOn: string; endsOn: string }, today: string) {
  return today < s.startsOn ? 'upcoming' : today > s.endsOn ? 'ended' : 'open'
}

/** One line of the results table and its .xlsx: a question's choice (or text answer) and its count. */
export interface ResultRow {
  no: number
  question: string
  answer: string
  count: number | null
  /** Of those who answered the question, as a percentage with one decimal; null for texts. */
  share: number | null
}

const percent = (count: number, answered: number) =>
  answered ? Math.round((count / answered) * 1000) / 10 : 0

/** The tallies as rows: each choice with its count and share, a scale's mean, each text answer. */
export function resultRows(tallies: readonly SurveyTally[], t: Translate): ResultRow[] {
  return tallies.flatMap((tally, i): ResultRow[] => {
    const base = { no: i + 1, question: tally.text }
    if (tally.kind === 'text')
      return tally.texts.map((text) => ({ ...base, answer: text, count: null, share: null }))
    const rows: ResultRow[] = tally.counts.map((c) => ({
      ...base,
      answer: c.option,
      count: c.count,
      share: percent(c.count, tally.answered),
    }))
    if (tally.kind === 'scale')
      rows.push({ ...base, answer: t('surveys.results.mean'), count: tally.mean, share: null })
    return rows
  })
}

/** A question's bar chart: one bar per choice (or scale point), its count on top. */
export function barOption(tally: Exclude<SurveyTally, { kind: 'text' }>) {
  const horizontal = tally.counts.some((c) => c.option.length > 6) || tally.counts.length > 6
  const labels = tally.counts.map((c) => c.option)
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0 } }
  const value = { type: 'value' as const, minInterval: 1 }
  return {
    animation: false,
    grid: { left: horizontal ? 8 : 32, right: 32, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar' as const,
        data: tally.counts.map((c) => c.count),
        barMaxWidth: 36,
        itemStyle: { color: '#1d4ed8' },
        label: { show: true, position: horizontal ? ('right' as const) : ('top' as const) },
      },
    ],
  }
}
