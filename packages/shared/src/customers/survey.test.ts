import { describe, expect, it } from 'vitest'
import type { SurveyQuestion } from '../schemas/customers'
import { surveyAnswerProblem, tabulateSurvey, type SurveyAnswer } from './survey'

const questions: SurveyQuestion[] = [
  { kind: 'single', text: '您从哪里知道本项目？', options: ['朋友', '网络', '路过'] },
  { kind: 'multiple', text: '您关心哪些配套？', options: ['学校', '地铁', '商场', '医院'] },
  { kind: 'scale', text: '对样板间的满意度', min: 1, max: 5 },
  { kind: 'text', text: '还有什么建议？' },
]

describe('surveyAnswerProblem', () => {
  it('accepts answers within each question, skipped ones included', () => {
    expect(surveyAnswerProblem(questions, [0, [1, 3], 5, '停车位太少'])).toBeNull()
    expect(surveyAnswerProblem(questions, [null, null, null, null])).toBeNull()
  })

  it('names the first question whose answer is out of range', () => {
    expect(surveyAnswerProblem(questions, [3, [], 3, ''])).toEqual({ question: 1, problem: 'choice' })
    expect(surveyAnswerProblem(questions, [0, [1, 1], 3, ''])).toEqual({ question: 2, problem: 'choice' })
    expect(surveyAnswerProblem(questions, [0, [], 6, ''])).toEqual({ question: 3, problem: 'scale' })
    expect(surveyAnswerProblem(questions, [0, [], 0, ''])).toEqual({ question: 3, problem: 'scale' })
    expect(surveyAnswerProblem(questions, [0, 1, 3, ''])).toEqual({ question: 2, problem: 'kind' })
    expect(surveyAnswerProblem(questions, [0, [], 3])).toEqual({ question: 4, problem: 'count' })
  })
})

describe('tabulateSurvey', () => {
  it('counts each choice, averages the scale and lists the texts, for three customers', () => {
    const sheets: SurveyAnswer[][] = [
      [0, [0, 1], 5, '希望有学区'],
      [1, [1], 4, null],
      [0, [1, 2], 3, ''],
    ]
    const [where, amenities, satisfaction, ideas] = tabulateSurvey(questions, sheets)
    expect(where).toMatchObject({
      answered: 3,
      counts: [
        { option: '朋友', count: 2 },
        { option: '网络', count: 1 },
        { option: '路过', count: 0 },
      ],
    })
    expect(amenities).toMatchObject({
      answered: 3,
      counts: [{ count: 1 }, { count: 3 }, { count: 1 }, { count: 0 }],
    })
    expect(satisfaction).toMatchObject({
      answered: 3,
      mean: 4,
      counts: [
        { option: '1', count: 0 },
        { option: '2', count: 0 },
        { option: '3', count: 1 },
        { option: '4', count: 1 },
        { option: '5', count: 1 },
      ],
    })
    expect(ideas).toEqual({ kind: 'text', text: '还有什么建议？', answered: 1, texts: ['希望有学区'] })
  })

  it('gives a scale nobody answered no mean', () => {
    expect(tabulateSurvey(questions, [])[2]).toMatchObject({ answered: 0, mean: null })
  })
})
