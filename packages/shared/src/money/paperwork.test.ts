import { describe, expect, it } from 'vitest'
import { DEFAULT_PAPERWORK_DAYS, paperworkState, previousStep } from './paperwork'

describe('paperwork', () => {
  it('gives a mortgage deal the loan and title steps, each due after signing, late when not done', () => {
    const state = paperworkState(
      { paymentMethod: 'mortgage', signedOn: '2026-03-02' },
      [{ step: 'loanDocs', doneOn: '2026-03-05', holder: '孙助理', note: null }],
      DEFAULT_PAPERWORK_DAYS,
      '2026-03-20',
    )
    expect(state.map((s) => [s.step, s.dueOn, s.overdue])).toEqual([
      ['loanDocs', '2026-03-09', false],
      ['loanSubmitted', '2026-03-17', true],
      ['loanApproved', '2026-04-01', false],
      ['loanDisbursed', '2026-04-16', false],
      ['titleDocs', '2026-04-01', false],
      ['titleHanded', '2026-05-01', false],
    ])
  })

  it('gives a lump-sum deal the title steps only', () => {
    const state = paperworkState(
      { paymentMethod: 'full', signedOn: '2026-03-02' },
      [],
      DEFAULT_PAPERWORK_DAYS,
      '2026-03-02',
    )
    expect(state.map((s) => s.step)).toEqual(['titleDocs', 'titleHanded'])
  })

  it('orders the steps of a track, and not across tracks', () => {
    expect(previousStep('loanDocs')).toBeNull()
    expect(previousStep('loanDisbursed')).toBe('loanApproved')
    expect(previousStep('titleDocs')).toBeNull()
    expect(previousStep('titleHanded')).toBe('titleDocs')
  })
})
