/**
 * 临时问卷 through `surveys.*`: a director's questionnaire for a period, filled in by consultants
 * with customers, tabulated per question; out-of-range answers and the wrong period refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SurveyQuestion } from '@anchang/shared'
import { failureOf, outcomeOf, sentenceOf } from '../../authz-matrix'
import { createTestWorld, type TestUser, type TestWorld } from '../../testing'

let world: TestWorld
let project: { id: string; code: string }
let people: Record<'director' | 'manager' | 'zhang' | 'li', TestUser>
let customerIds: string[]

/** Ten questions, of every kind. */
const QUESTIONS: SurveyQuestion[] = [
  { kind: 'single', text: '您从哪里知道本项目？', options: ['朋友', '网络', '路过'] },
  { kind: 'single', text: '购房目的', options: ['自住', '投资'] },
  { kind: 'multiple', text: '关心的配套', options: ['学校', '地铁', '商场', '医院'] },
  { kind: 'scale', text: '样板间满意度', min: 1, max: 5 },
  { kind: 'scale', text: '价格接受度', min: 1, max: 10 },
  { kind: 'single', text: '意向户型', options: ['两房', '三房', '四房'] },
  { kind: 'multiple', text: '顾虑', options: ['价格', '交房时间', '物业'] },
  { kind: 'text', text: '其他建议' },
  { kind: 'scale', text: '推荐意愿', min: 0, max: 10 },
  { kind: 'single', text: '是否愿意参加开盘活动', options: ['愿意', '不愿意'] },
]

beforeEach(async () => {
  world = createTestWorld()
  project = world.createProject()
  const member = (role: TestUser['role'], name: string) =>
    world.createUser({ role, projectIds: [project.id], name })
  people = {
    director: await member('director', '周建国'),
    manager: await member('manager', '吴敏'),
    zhang: await member('consultant', '张伟'),
    li: await member('consultant', '李娜'),
  }
  customerIds = []
  for (const phone of ['13800138001', '13800138002', '13800138003']) {
    customerIds.push(
      (await world.asUser(people.zhang).customers.register({ projectId: project.id, phone, kind: 'visit' }))
        .customerId,
    )
  }
})
afterEach(() => world.close())

const today = () => new Date(world.deps.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
const create = (extra: Partial<{ startsOn: string; endsOn: string; questions: SurveyQuestion[] }> = {}) =>
  world.asUser(people.director).surveys.create({
    projectId: project.id,
    title: '开盘意向调查',
    startsOn: today(),
    endsOn: today(),
    questions: QUESTIONS,
    ...extra,
  })

describe('surveys', () => {
  it('tabulates ten questions answered for three customers: counts per option and the scales’ means', async () => {
    const { surveyId } = await create()
    const sheets = [
      [0, 0, [0, 1], 5, 8, 1, [0], '希望有学区', 9, 0],
      [1, 0, [1], 4, 6, 1, [0, 1], null, 7, 0],
      [0, 1, [1, 2], 3, 7, 2, [], '', 10, 1],
    ]
    for (const [i, answers] of sheets.entries()) {
      await world
        .asUser(i === 2 ? people.li : people.zhang)
        .surveys.answer({ surveyId, customerId: customerIds[i]!, answers })
    }
    const results = await world.asUser(people.manager).surveys.results({ surveyId })
    // A customer's personal-data export words each answer beside its question.
    const held = await world.asUser(people.manager).customers.personalData({ customerId: customerIds[0]! })
    expect(held.surveys[0]!.worded.slice(0, 4)).toEqual([
      { question: '您从哪里知道本项目？', answer: '朋友' },
      { question: '购房目的', answer: '自住' },
      { question: '关心的配套', answer: '学校、地铁' },
      { question: '样板间满意度', answer: '5' },
    ])
    expect(results.answered).toBe(3)
    expect(results.tallies).toHaveLength(10)
    expect(results.tallies[0]).toMatchObject({
      counts: [
        { option: '朋友', count: 2 },
        { option: '网络', count: 1 },
        { option: '路过', count: 0 },
      ],
    })
    expect(results.tallies[2]).toMatchObject({
      counts: [{ count: 1 }, { count: 3 }, { count: 1 }, { count: 0 }],
    })
    expect(results.tallies[3]).toMatchObject({ kind: 'scale', mean: 4 })
    expect(results.tallies[4]).toMatchObject({ kind: 'scale', mean: 7 })
    expect(results.tallies[7]).toMatchObject({ kind: 'text', texts: ['希望有学区'] })
    expect(results.tallies[8]).toMatchObject({ mean: 8.67 })
    expect(results.sheets.map((s) => s.consultantName)).toEqual(['张伟', '张伟', '李娜'])
    expect(
      (await world.asUser(people.zhang).surveys.list({ projectId: project.id, open: true }))[0],
    ).toMatchObject({ surveyId, answered: 3 })
  })

  it('replaces a customer’s sheet answered again rather than counting it twice', async () => {
    const { surveyId } = await create()
    const answers = [0, 0, [], 5, 5, 0, [], '', 5, 0]
    await world.asUser(people.zhang).surveys.answer({ surveyId, customerId: customerIds[0]!, answers })
    const again = await world
      .asUser(people.zhang)
      .surveys.answer({ surveyId, customerId: customerIds[0]!, answers: [1, ...answers.slice(1)] })
    expect(again.replaced).toBe(true)
    const results = await world.asUser(people.manager).surveys.results({ surveyId })
    expect(results.answered).toBe(1)
    expect(results.tallies[0]).toMatchObject({ counts: [{ count: 0 }, { count: 1 }, { count: 0 }] })
  })

  it('refuses an out-of-range answer naming the question, and writes nothing', async () => {
    const { surveyId } = await create()
    const good = [0, 0, [], 5, 5, 0, [], '', 5, 0]
    const scale = await failureOf(
      world.asUser(people.zhang).surveys.answer({
        surveyId,
        customerId: customerIds[0]!,
        answers: good.map((a, i) => (i === 3 ? 6 : a)),
      }),
    )
    expect(scale?.code).toBe('BAD_REQUEST')
    expect(sentenceOf(scale)).toBe('第 4 题的分值应在 1 到 5 之间。')
    const choice = await failureOf(
      world.asUser(people.zhang).surveys.answer({
        surveyId,
        customerId: customerIds[0]!,
        answers: good.map((a, i) => (i === 0 ? 3 : a)),
      }),
    )
    expect(sentenceOf(choice, 'en')).toBe('The answer to question 1 is not one of its options; choose again.')
    const short = await failureOf(
      world.asUser(people.zhang).surveys.answer({ surveyId, customerId: customerIds[0]!, answers: [0] }),
    )
    expect(sentenceOf(short)).toContain('共有 10 题')
    expect(world.rowCount('survey_answers')).toBe(0)
  })

  it('takes answers only within its period, and refuses a period that ends before it starts', async () => {
    const { surveyId } = await create({ startsOn: '2026-01-01', endsOn: '2026-01-31' })
    const closed = await failureOf(
      world
        .asUser(people.zhang)
        .surveys.answer({ surveyId, customerId: customerIds[0]!, answers: QUESTIONS.map(() => null) }),
    )
    expect(closed?.code).toBe('CONFLICT')
    expect(sentenceOf(closed)).toContain('2026-01-01 至 2026-01-31')
    const backwards = await failureOf(create({ startsOn: '2026-03-10', endsOn: '2026-03-01' }))
    expect(backwards?.code).toBe('BAD_REQUEST')
  })

  it('lets only a director define one', async () => {
    const input = {
      projectId: project.id,
      title: '满意度',
      startsOn: today(),
      endsOn: today(),
      questions: [{ kind: 'text' as const, text: '建议' }],
    }
    expect(await outcomeOf(world.asUser(people.manager).surveys.create(input))).toBe('FORBIDDEN')
  })
})
