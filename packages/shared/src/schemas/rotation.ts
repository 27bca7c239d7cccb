import { z } from 'zod'
import { BREAK_REASONS } from '../settings'
import { GRADES } from '../rotation/types'
import { Id, IsoDate, Name, OptionalName, Phone, ProjectId, RequiredText, Text } from './common'

/** Version of the privacy notice the kiosk shows before taking a number (PIPL). */
export const CONSENT_VERSION = '2026-11'

const OptionalProject = z.object({ projectId: ProjectId.optional() })
const KioskPin = z.string().regex(/^\d{4,6}$/, { error: '@pin' })

export const DutyInput = OptionalProject.extend({ pin: KioskPin.optional() })
export const IdentifyInput = z.object({ pin: KioskPin })
export type DutyInput = z.infer<typeof DutyInput>

export const SetBreakInput = DutyInput.extend({
  onBreak: z.boolean(),
  reason: z.enum(BREAK_REASONS).optional(),
})
export type SetBreakInput = z.infer<typeof SetBreakInput>

const Reason = Text(200).pipe(z.string().min(1, { error: '@reasonRequired' }))

const Reasoned = z.string({ error: '@reasonRequired' }).pipe(Reason)
const OverrideOf = <A extends string>(action: A) =>
  z.object({ projectId: ProjectId, action: z.literal(action), consultantId: Id, reason: Reasoned })

/** Each action says what it needs: a move its target position, a reassignment its reception. */
export const OverrideInput = z.discriminatedUnion('action', [
  OverrideOf('move').extend({ toPosition: z.number().int().min(1).max(500) }),
  OverrideOf('reassign').extend({ receptionId: Id }),
  OverrideOf('grantTurn'),
])
export type OverrideInput = z.infer<typeof OverrideInput>

export const ReceptionActionInput = z.object({ projectId: ProjectId, receptionId: Id, reason: Reasoned })
export const LeaveLineInput = z.object({ projectId: ProjectId, waitingId: Id, reason: Reasoned })
export const SignOutConsultantInput = z.object({ projectId: ProjectId, consultantId: Id, reason: Reasoned })

export const Surname = OptionalName(20)
export const Title = z.enum(['先生', '女士'])
export const PartySize = z.number().int().min(1).max(20)

/** The kiosk's questions the book may already answer for a returning visitor (never the party size). */
export const WELCOME_QUESTIONS = ['surname', 'title', 'channel'] as const
export type WelcomeQuestion = (typeof WELCOME_QUESTIONS)[number]
export const WelcomeInput = z.object({ phone: Phone })

export const CheckInInput = z.object({
  phone: Phone,
  surname: Surname.optional(),
  title: Title.optional(),
  partySize: PartySize.optional(),
  channel: Name(20).optional(),
  /** Left out: consent was not captured. Present, it names the notice agreed to and may not be empty. */
  consentVersion: z.string().trim().min(1, { error: '@consent' }).max(20).optional(),
})
export type CheckInInput = z.infer<typeof CheckInInput>

export const StartCallInput = z.object({
  projectId: ProjectId,
  phone: Phone,
  surname: Surname.optional(),
  title: Title.optional(),
})
export type StartCallInput = z.infer<typeof StartCallInput>

export const FinishInput = z.object({
  receptionId: Id,
  result: z.enum(['valid', 'invalid']),
  grade: z.enum(GRADES).optional(),
  note: Text(500).optional(),
})
export type FinishInput = z.infer<typeof FinishInput>

export const DayInput = z.object({ projectId: ProjectId, date: IsoDate })

export const AppealInput = z.object({ receptionId: Id, text: RequiredText(500) })
export const AnswerAppealInput = z.object({
  appealId: Id,
  accepted: z.boolean(),
  answer: RequiredText(500),
  /** An accepted appeal may give the consultant the next turn. */
  grantTurn: z.boolean().default(false),
})

export const CustomerSearchInput = z.object({ projectId: ProjectId, q: z.string().trim().min(1).max(40) })
