/**
 * 临时问卷: a director defines a questionnaire for a period; consultants fill it in with customers
 * (one sheet per customer, answered again if asked again); the results are tabulated per question.
 */
import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm'
import { newId, surveyAnswers, surveys } from '@anchang/db'
import {
  DomainError,
  fail,
  localDate,
  surveyAnswerProblem,
  tabulateSurvey,
  type SurveyAnswer,
  type SurveyAnswerInput,
  type SurveyCreateInput,
  type SurveyQuestion,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { configOf, displayName, loadCustomer, namesOf } from './book'

type SurveyRow = typeof surveys.$inferSelect
const questionsOf = (s: SurveyRow) => s.questions as SurveyQuestion[]

function loadSurvey(ctx: UserServiceContext, surveyId: string): SurveyRow {
  const survey = ctx.db.select().from(surveys).where(eq(surveys.id, surveyId)).get()
  if (!survey) fail('NOT_FOUND', 'survey.notFound')
  assertProjectAccess(ctx, survey.projectId)
  return survey
}

const view = (s: SurveyRow, answered: number) => ({
  surveyId: s.id,
  projectId: s.projectId,
  title: s.title,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
  questions: questionsOf(s),
  answered,
})

export function createSurvey({ ctx, input }: { ctx: UserServiceContext; input: SurveyCreateInput }) {
  if (input.endsOn < input.startsOn) fail('BAD_REQUEST', 'survey.period')
  const id = newId(ctx.now.getTime())
  ctx.db.transaction((tx) => {
    tx.insert(surveys)
      .values({
        id,
        projectId: input.projectId,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        questions: input.questions,
        createdBy: ctx.actor.user.id,
        createdAt: ctx.now.toISOString(),
      })
      .run()
    audit(tx, ctx, 'surveys.create', {
      projectId: input.projectId,
      input: { title: input.title, questions: input.questions.length },
    })
  })
  return { surveyId: id }
}

/** The project's questionnaires, newest first; `open` keeps those running today. */
export function listSurveys({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; open?: boolean | undefined }
}) {
  const today = localDate(ctx.now, configOf(ctx, input.projectId).timeZone)
  const rows = ctx.db
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.projectId, input.projectId),
        input.open ? and(lte(surveys.startsOn, today), gte(surveys.endsOn, today)) : undefined,
      ),
    )
    .orderBy(desc(surveys.startsOn))
    .limit(200)
    .all()
  const answered = (id: string) =>
    ctx.db.select({ n: count() }).from(surveyAnswers).where(eq(surveyAnswers.surveyId, id)).get()?.n ?? 0
  return rows.map((s) => view(s, answered(s.id)))
}

/** One customer's sheet: within the period, each answer within its question; answering again replaces it. */
export function answerSurvey({ ctx, input }: { ctx: UserServiceContext; input: SurveyAnswerInput }) {
  const survey = loadSurvey(ctx, input.surveyId)
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.projectId !== survey.projectId) fail('BAD_REQUEST', 'survey.otherProject')
  if (customer.erasedAt) fail('CONFLICT', 'customer.erased')
  const today = localDate(ctx.now, configOf(ctx, survey.projectId).timeZone)
  if (today < survey.startsOn || today > survey.endsOn)
    fail('CONFLICT', 'survey.closed', { from: survey.startsOn, to: survey.endsOn })
  const questions = questionsOf(survey)
  const problem = surveyAnswerProblem(questions, input.answers as SurveyAnswer[])
  if (problem) {
    const q = questions[problem.question - 1]
    if (problem.problem === 'count')
      throw new DomainError('BAD_REQUEST', 'survey.count', { n: questions.length })
    const params: Record<string, number> = { question: problem.question }
    if (q?.kind === 'scale') Object.assign(params, { min: q.min, max: q.max })
    throw new DomainError('BAD_REQUEST', `survey.${problem.problem}`, params)
  }
  const at = ctx.now.toISOString()
  return ctx.db.transaction((tx) => {
    const existing = tx
      .select({ id: surveyAnswers.id })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.surveyId, survey.id), eq(surveyAnswers.customerId, customer.id)))
      .get()
    const id = existing?.id ?? newId(ctx.now.getTime())
    const sheet = {
      answers: input.answers as unknown as Record<string, unknown>,
      consultantId: ctx.actor.user.id,
      at,
    }
    if (existing) tx.update(surveyAnswers).set(sheet).where(eq(surveyAnswers.id, id)).run()
    else
      tx.insert(surveyAnswers)
        .values({ id, surveyId: survey.id, customerId: customer.id, ...sheet })
        .run()
    audit(tx, ctx, 'surveys.answer', {
      projectId: survey.projectId,
      input: { surveyId: survey.id, customerId: customer.id },
    })
    return { answerId: id, replaced: !!existing }
  })
}

/** The results: each question's counts (a scale's mean too), and who answered, for the page, its charts and the .xlsx. */
export function surveyResults({ ctx, input }: { ctx: UserServiceContext; input: { surveyId: string } }) {
  const survey = loadSurvey(ctx, input.surveyId)
  const sheets = ctx.db
    .select()
    .from(surveyAnswers)
    .where(eq(surveyAnswers.surveyId, survey.id))
    .orderBy(surveyAnswers.at, sql`${surveyAnswers}.rowid`)
    .all()
  const answersOf = (s: (typeof sheets)[number]) => s.answers as unknown as SurveyAnswer[]
  const names = namesOf(
    ctx.db,
    sheets.map((s) => s.consultantId),
  )
  return {
    ...view(survey, sheets.length),
    tallies: tabulateSurvey(questionsOf(survey), sheets.map(answersOf)),
    sheets: sheets.map((s) => {
      const customer = loadCustomer(ctx, s.customerId)
      return {
        answerId: s.id,
        customerId: s.customerId,
        customerName: customer.erasedAt ? '' : displayName(customer),
        consultantName: names.get(s.consultantId) ?? '',
        at: s.at,
        answers: answersOf(s),
      }
    }),
  }
}
