import { describe, expect, it } from 'vitest'
import { tabulateSurvey, type SurveyQuestion } from '@anchang/shared'
import { i18n } from '../../locales'
import {
  answersToSend,
  barOption,
  newQuestion,
  optionLines,
  questionsOf,
  resultRows,
  scalePoints,
  surveyPeriod,
  toggleIndex,
} from './survey-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

describe('writing a survey', () => {
  it('takes the choices one per line, without blanks or repeats', () => {
    expect(optionLines(' 地铁 \n\n学校\n地铁\r\n商场 ')).toEqual(['地铁', '学校', '商场'])
  })

  it('sends each kind of question in the shape the server expects', () => {
    const questions = questionsOf([
      { ...newQuestion('single'), text: ' 您从哪里得知本项目？ ', options: '朋友\n网络' },
      { ...newQuestion('scale'), text: '满意度', min: 1, max: 5 },
      { ...newQuestion('text'), text: '其他建议', options: 'ignored' },
    ])
    expect(questions).toEqual([
      { kind: 'single', text: '您从哪里得知本项目？', options: ['朋友', '网络'] },
      { kind: 'scale', text: '满意度', min: 1, max: 5 },
      { kind: 'text', text: '其他建议' },
    ])
  })
})

describe('filling a survey in', () => {
  it('toggles choices of a multiple-choice question, in order', () => {
    expect(toggleIndex(null, 2)).toEqual([2])
    expect(toggleIndex([2], 0)).toEqual([0, 2])
    expect(toggleIndex([0, 2], 2)).toEqual([0])
  })

  it('sends a blank text or no choices as skipped', () => {
    expect(answersToSend([' 很好 ', '  ', [], [1], 3, null])).toEqual(['很好', null, null, [1], 3, null])
  })

  it('offers every point of a scale', () => {
    expect(scalePoints({ min: 0, max: 3 })).toEqual([0, 1, 2, 3])
  })

  it('knows whether a survey is running today', () => {
    const s = { startsOn: '2026-03-01', endsOn: '2026-03-31' }
    expect(surveyPeriod(s, '2026-02-28')).toBe('upcoming')
    expect(surveyPeriod(s, '2026-03-31')).toBe('open')
    expect(surveyPeriod(s, '2026-04-01')).toBe('ended')
  })
})

describe('the results', () => {
  const questions: SurveyQuestion[] = [
    { kind: 'single', text: '意向户型', options: ['两居', '三居'] },
    { kind: 'scale', text: '满意度', min: 1, max: 3 },
    { kind: 'text', text: '建议' },
  ]
  const tallies = tabulateSurvey(questions, [
    [1, 3, '多些车位'],
    [1, 2, null],
    [0, 3, ''],
  ])

  it('give each choice its count and share, the scale its mean, and every text answer', () => {
    expect(resultRows(tallies, t)).toEqual([
      { no: 1, question: '意向户型', answer: '两居', count: 1, share: 33.3 },
      { no: 1, question: '意向户型', answer: '三居', count: 2, share: 66.7 },
      { no: 2, question: '满意度', answer: '1', count: 0, share: 0 },
      { no: 2, question: '满意度', answer: '2', count: 1, share: 33.3 },
      { no: 2, question: '满意度', answer: '3', count: 2, share: 66.7 },
      { no: 2, question: '满意度', answer: '平均分', count: 2.67, share: null },
      { no: 3, question: '建议', answer: '多些车位', count: null, share: null },
    ])
  })

  it('draw one bar per choice with its count', () => {
    const option = barOption(tallies[0] as Exclude<(typeof tallies)[0], { kind: 'text' }>)
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['两居', '三居'] })
    expect(option.series[0]!.data).toEqual([1, 2])
  })
})
