/**
 * 临时问卷: checking one customer's answers against the director's questions, and tabulating
 * everyone's answers per question (the counts of each choice, a scale's mean, the texts) for the
 * results page, its charts and its .xlsx.
 */
import type { SurveyQuestion } from '../schemas/customers'

export type SurveyAnswer = number | number[] | string | null

/** The first answer that does not fit its question: its 1-based number and what is wrong. */
export interface SurveyAnswerProblem {
  question: number
  problem: 'count' | 'choice' | 'scale' | 'kind'
}

export function surveyAnswerProblem(
  questions: readonly SurveyQuestion[],
  answers: readonly SurveyAnswer[],
): SurveyAnswerProblem | null {
  if (answers.length !== questions.length)
    return { question: Math.min(answers.length, questions.length) + 1, problem: 'count' }
  for (const [i, q] of questions.entries()) {
    const a = answers[i]
    const at = i + 1
    if (a === null || a === undefined) continue
    switch (q.kind) {
      case 'single':
        if (typeof a !== 'number') return { question: at, problem: 'kind' }
        if (a >= q.options.length) return { question: at, problem: 'choice' }
        break
      case 'multiple':
        if (!Array.isArray(a)) return { question: at, problem: 'kind' }
        if (a.some((x) => x >= q.options.length) || new Set(a).size !== a.length)
          return { question: at, problem: 'choice' }
        break
      case 'scale':
        if (typeof a !== 'number') return { question: at, problem: 'kind' }
        if (a < q.min || a > q.max) return { question: at, problem: 'scale' }
        break
      case 'text':
        if (typeof a !== 'string') return { question: at, problem: 'kind' }
        break
    }
  }
  return null
}

export type SurveyTally =
  | {
      kind: 'single' | 'multiple'
      text: string
      answered: number
      counts: { option: string; count: number }[]
    }
  | {
      kind: 'scale'
      text: string
      answered: number
      mean: number | null
      counts: { option: string; count: number }[]
    }
  | { kind: 'text'; text: string; answered: number; texts: string[] }

/** Each question's results over all answer sheets; a skipped question counts for nobody. */
export function tabulateSurvey(
  questions: readonly SurveyQuestion[],
  sheets: readonly (readonly SurveyAnswer[])[],
): SurveyTally[] {
  return questions.map((q, i) => {
    const given = sheets
      .map((s) => s[i])
      .filter((a): a is Exclude<SurveyAnswer, null> => a !== null && a !== undefined && a !== '')
    switch (q.kind) {
      case 'single':
      case 'multiple': {
        const counts = q.options.map((option) => ({ option, count: 0 }))
        for (const a of given)
          for (const index of Array.isArray(a) ? a : [a as number])
            if (counts[index]) counts[index].count += 1
        return { kind: q.kind, text: q.text, answered: given.length, counts }
      }
      case 'scale': {
        const values = given.filter((a): a is number => typeof a === 'number')
        const counts = Array.from({ length: q.max - q.min + 1 }, (_, k) => ({
          option: String(q.min + k),
          count: values.filter((v) => v === q.min + k).length,
        }))
        const mean = values.length
          ? Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 100) / 100
          : null
        return { kind: 'scale', text: q.text, answered: values.length, mean, counts }
      }
      case 'text': {
        const texts = given.filter((a): a is string => typeof a === 'string')
        return { kind: 'text', text: q.text, answered: texts.length, texts }
      }
    }
  })
}

/** One answer in words, as an export prints it: the choices' texts (`地段、价格`), a scale's value, the text. */
export function surveyAnswerWords(question: SurveyQuestion, answer: SurveyAnswer | undefined): string {
  if (answer === null || answer === undefined) return ''
  switch (question.kind) {
    case 'single':
      return typeof answer === 'number' ? (question.options[answer] ?? String(answer)) : String(answer)
    case 'multiple':
      return (Array.isArray(answer) ? answer : [answer])
        .map((i) => (typeof i === 'number' ? (question.options[i] ?? String(i)) : String(i)))
        .join('、')
    default:
      return String(answer)
  }
}
