import { z } from 'zod'
import { CHANNEL_REPORT_STATUSES, FOLLOW_UP_METHODS } from '../customers/types'
import { VisitAnswers } from '../customers/questionnaire'
import { IMPORT_MAX_BYTES } from '../customers/import'
import { GRADES } from '../rotation/types'
import { Id, IsoDate, Name, OptionalName, Phone, ProjectId, RequiredText, Text } from './common'
import { Surname, Title } from './rotation'

/** An instant as ISO-8601 with its offset (`2026-03-02T10:00:00+08:00` or `…Z`). */
export const IsoDateTime = z
  .string()
  .max(40)
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
      !Number.isNaN(Date.parse(s)),
    {
      error: '@dateTime',
    },
  )

const Grade = z.enum(GRADES)
const Reason = RequiredText(200)

export const CustomerGetInput = z.object({ customerId: Id })

export const CUSTOMER_SCOPES = ['mine', 'team', 'pool'] as const
export const CustomerListInput = z.object({
  projectId: ProjectId,
  scope: z.enum(CUSTOMER_SCOPES),
  grade: Grade.optional(),
  overdue: z.boolean().optional(),
  /** Follow-ups due today (or overdue) only: the consultant's "today" list. */
  due: z.boolean().optional(),
  channel: Name(20).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  /** The `nextCursor` of the page before. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
})
export type CustomerListInput = z.infer<typeof CustomerListInput>

export const CustomerRegisterInput = z.object({
  projectId: ProjectId,
  phone: Phone,
  surname: Surname.optional(),
  title: Title.optional(),
  fullName: OptionalName(40).optional(),
  channel: Name(20).optional(),
  kind: z.enum(['call', 'visit']),
  grade: Grade.optional(),
  note: Text(1000).optional(),
})
export type CustomerRegisterInput = z.infer<typeof CustomerRegisterInput>

export const FollowUpInput = z.object({
  customerId: Id,
  method: z.enum(FOLLOW_UP_METHODS),
  happenedAt: IsoDateTime,
  note: RequiredText(1000),
  grade: Grade.optional(),
  nextFollowUpOn: IsoDate.optional(),
})
export type FollowUpInput = z.infer<typeof FollowUpInput>

export const ClaimInput = z.object({ customerId: Id })

/**
 * What a customer's record says beside ownership: name, tags, notes and their other numbers. A field
 * left out stays; `null` clears it. A number belongs to one customer per project.
 */
export const CustomerUpdateInput = z.object({
  customerId: Id,
  surname: Surname.nullable().optional(),
  title: Title.nullable().optional(),
  fullName: OptionalName(40).nullable().optional(),
  tags: z.array(Name(12)).max(10).optional(),
  notes: Text(1000).nullable().optional(),
  addPhones: z.array(Phone).max(5).optional(),
  removePhones: z.array(Phone).max(5).optional(),
})
export type CustomerUpdateInput = z.infer<typeof CustomerUpdateInput>

export const AssignInput = z.object({
  customerIds: z.array(Id).min(1).max(500),
  consultantId: Id,
  reason: z.string({ error: '@reasonRequired' }).pipe(Reason),
  /** Why: a manager's assignment, or a transfer after a complaint against the owner. */
  kind: z.enum(['assigned', 'complaint']).default('assigned'),
})
export type AssignInput = z.infer<typeof AssignInput>

/** A leaving consultant's customers, dealt out in turn to those who take them over. */
export const ReassignLeavingInput = z.object({
  projectId: ProjectId,
  fromConsultantId: Id,
  toConsultantIds: z.array(Id).min(1).max(50),
  reason: z.string({ error: '@reasonRequired' }).pipe(Reason),
})

export const ConflictsInput = z.object({
  projectId: ProjectId,
  status: z.enum(['open', 'resolved']).optional(),
})
export const ResolveConflictInput = z.object({
  conflictId: Id,
  ownerId: Id,
  reason: z.string({ error: '@reasonRequired' }).pipe(Reason),
})

/**
 * The number a partner reports: the whole number, or (where the project matches by 前三后四) the
 * first three and last four digits as `138****5678` or `1385678`.
 */
export const ReportedPhone = z
  .string()
  .max(32)
  .transform((raw, ctx) => {
    const compact = raw.replace(/[\s-]/g, '')
    const full = /^(?:\+86|0086)?(1[3-9]\d{9})$/.exec(compact)
    if (full) return { full: full[1]!, first3: full[1]!.slice(0, 3), last4: full[1]!.slice(7) }
    const partial = /^(1[3-9]\d)(?:\*{4})?(\d{4})$/.exec(compact)
    if (partial) return { full: null, first3: partial[1]!, last4: partial[2]! }
    ctx.addIssue({ code: 'custom', message: '@reportedPhone' })
    return z.NEVER
  })

export const ChannelReportCreateInput = z.object({
  projectId: ProjectId,
  phone: ReportedPhone,
  channel: Name(20),
  agentName: Name(40),
  agentPhone: Phone.optional(),
})
export type ChannelReportCreateInput = z.infer<typeof ChannelReportCreateInput>

export const ChannelReportListInput = z.object({
  projectId: ProjectId,
  status: z.enum(CHANNEL_REPORT_STATUSES).optional(),
})
export const ChannelReportInvalidateInput = z.object({
  reportId: Id,
  reason: z.string({ error: '@reasonRequired' }).pipe(Reason),
})

/** 来访登记: the visit registration of a customer, with the answers of `VISIT_FIELDS`. */
export const QuestionnaireInput = z.object({
  customerId: Id,
  happenedAt: IsoDateTime,
  answers: VisitAnswers,
  grade: Grade.optional(),
  note: Text(1000).optional(),
})
export type QuestionnaireInput = z.infer<typeof QuestionnaireInput>

/** A project's day, for a consultant's own day close or the office's view of it; today by default. */
export const DayCloseInput = z.object({ projectId: ProjectId, date: IsoDate.optional() })
export const LateEntriesInput = z.object({ projectId: ProjectId, from: IsoDate, to: IsoDate })

const SurveyText = RequiredText(200)
export const SurveyQuestion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['single', 'multiple']),
    text: SurveyText,
    options: z.array(Name(60)).min(2).max(20),
  }),
  z.object({
    kind: z.literal('scale'),
    text: SurveyText,
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(2).max(10),
  }),
  z.object({ kind: z.literal('text'), text: SurveyText }),
])
export type SurveyQuestion = z.infer<typeof SurveyQuestion>

/** 临时问卷: a director's questionnaire for a period. */
export const SurveyCreateInput = z.object({
  projectId: ProjectId,
  title: Name(60),
  startsOn: IsoDate,
  endsOn: IsoDate,
  questions: z.array(SurveyQuestion).min(1).max(30),
})
export type SurveyCreateInput = z.infer<typeof SurveyCreateInput>
export const SurveyIdInput = z.object({ surveyId: Id })

/** One answer per question, in order: a choice's index, several indexes, a scale value, or text; null when skipped. */
export const SurveyAnswerInput = z.object({
  surveyId: Id,
  customerId: Id,
  answers: z
    .array(
      z.union([
        z.number().int().min(0).max(100),
        z.array(z.number().int().min(0).max(100)).max(20),
        Text(500),
        z.null(),
      ]),
    )
    .min(1)
    .max(30),
})
export type SurveyAnswerInput = z.infer<typeof SurveyAnswerInput>
export const SurveyListInput = z.object({ projectId: ProjectId, open: z.boolean().optional() })

/** A spreadsheet import, sent in parts (each well under the request limit). */
export const ImportStartInput = z.object({
  projectId: ProjectId,
  fileName: Name(200),
  size: z.number().int().min(1).max(IMPORT_MAX_BYTES),
})
export const ImportPartInput = z.object({
  importId: Id,
  index: z.number().int().min(0).max(100_000),
  data: z
    .string()
    .max(61_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '@base64' }),
})
export const ImportIdInput = z.object({ importId: Id })
export const EraseInput = z.object({
  customerId: Id,
  reason: z.string({ error: '@reasonRequired' }).pipe(Reason),
})
