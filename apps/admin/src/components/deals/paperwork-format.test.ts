import { describe, expect, it } from 'vitest'
import { paperworkActions, paperworkStateText, paperworkTag } from './paperwork-format'

const t = (key: string, params?: Record<string, unknown>) => `${key}:${String(params?.date ?? '')}`

const steps = [
  { step: 'loanDocs', doneOn: '2026-03-05', dueOn: '2026-03-08', overdue: false },
  { step: 'loanSubmitted', doneOn: null, dueOn: '2026-03-16', overdue: true },
  { step: 'loanApproved', doneOn: null, dueOn: '2026-03-31', overdue: false },
  { step: 'loanDisbursed', doneOn: null, dueOn: '2026-04-15', overdue: false },
  { step: 'titleDocs', doneOn: null, dueOn: '2026-03-31', overdue: false },
  { step: 'titleHanded', doneOn: null, dueOn: '2026-04-30', overdue: false },
] as const

describe('a paperwork step', () => {
  it('is green when done, red when late, plain while it still has time', () => {
    expect(steps.map(paperworkTag)).toEqual(['success', 'error', 'default', 'default', 'default', 'default'])
    expect(paperworkStateText(steps[0], t)).toBe('paperwork.doneOn:2026-03-05')
    expect(paperworkStateText(steps[1], t)).toBe('paperwork.overdueSince:2026-03-16')
    expect(paperworkStateText(steps[2], t)).toBe('paperwork.dueBy:2026-03-31')
  })

  it('is entered in its track’s order, and taken back only while the next is not done', () => {
    expect(paperworkActions(steps, 'loanDocs')).toEqual({ record: false, takeBack: true })
    expect(paperworkActions(steps, 'loanSubmitted')).toEqual({ record: true, takeBack: false })
    expect(paperworkActions(steps, 'loanApproved')).toEqual({ record: false, takeBack: false })
    // The title papers are their own track: their first step waits for nothing on the loan.
    expect(paperworkActions(steps, 'titleDocs')).toEqual({ record: true, takeBack: false })
    expect(paperworkActions(steps, 'titleHanded')).toEqual({ record: false, takeBack: false })
    const later = steps.map((s) => (s.step === 'loanSubmitted' ? { ...s, doneOn: '2026-03-10' } : s))
    expect(paperworkActions(later, 'loanDocs').takeBack).toBe(false)
  })
})
