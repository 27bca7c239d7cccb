import { previousStep, type PaperworkStep } from '@anchang/shared'

type TagType = 'default' | 'success' | 'error'
type Translate = (key: string, params?: Record<string, unknown>) => string

interface StepState {
  step: PaperworkStep
  doneOn: string | null
  dueOn: string
  overdue: boolean
}

/** A step's tag: done (green), overdue (red) or still to do by its day. */
export function paperworkTag(s: StepState): TagType {
  return s.doneOn ? 'success' : s.overdue ? 'error' : 'default'
}

/** `2026-03-08 办结`, `逾期（应于 2026-03-08）`, `应于 2026-03-08 前`. */
export function paperworkStateText(s: StepState, t: Translate): string {
  if (s.doneOn) return t('paperwork.doneOn', { date: s.doneOn })
  return t(s.overdue ? 'paperwork.overdueSince' : 'paperwork.dueBy', { date: s.dueOn })
}

/**
 * Whether a step can be entered as done now: the step before it in its track is done (the server's
 * rule), and it is not done yet. Done steps are taken back only while the next is not done.
 */
export function paperworkActions(
  steps: readonly StepState[],
  step: PaperworkStep,
): { record: boolean; takeBack: boolean } {
  const byStep = new Map(steps.map((s) => [s.step, s]))
  const self = byStep.get(step)
  if (!self) return { record: false, takeBack: false }
  const before = previousStep(step)
  const after = steps.find((s) => previousStep(s.step) === step)
  return {
    record: !self.doneOn && (!before || !!byStep.get(before)?.doneOn),
    takeBack: !!self.doneOn && !after?.doneOn,
  }
}
