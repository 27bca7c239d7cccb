import { describe, expect, it } from 'vitest'
import { VISIT_FIELDS, type VisitField } from '@anchang/shared'
import { answersOf, draftFrom, isChosen, missingLabels, toggleChoice, visitSummary } from './visit-form'

const field = (key: string): VisitField => VISIT_FIELDS.find((f) => f.key === key)!

describe('the visit registration form', () => {
  it('takes a single choice, and takes it back on a second tap', () => {
    let draft = toggleChoice({}, field('sex'), 'male')
    expect(isChosen(draft, field('sex'), 'male')).toBe(true)
    draft = toggleChoice(draft, field('sex'), 'female')
    expect(draft.sex).toBe('female')
    draft = toggleChoice(draft, field('sex'), 'female')
    expect(draft.sex).toBeUndefined()
  })

  it('toggles several choices and sends them in the form’s order', () => {
    let draft = toggleChoice({}, field('factors'), 'price')
    draft = toggleChoice(draft, field('factors'), 'location')
    draft = toggleChoice(draft, field('factors'), 'transport')
    draft = toggleChoice(draft, field('factors'), 'price')
    expect(answersOf(draft).factors).toEqual(['location', 'transport'])
  })

  it('leaves out blanks and trims what was typed', () => {
    expect(answersOf({ homeArea: '  南山区 ', workArea: '   ', liked: '' })).toEqual({ homeArea: '南山区' })
  })

  it('names the required fields still blank, in the form’s order and the reader’s language', () => {
    const all = missingLabels({}, 'zh-CN')
    expect(all[0]).toBe('性别')
    expect(all).not.toContain('认可点')
    const draft = { ...draftFrom({ sex: 'male' }), visitKind: 'first' }
    expect(missingLabels(draft, 'en')).not.toContain('Sex')
    expect(missingLabels(draft, 'en')).toContain('Age band')
  })

  it('starts a repeat visit from what the book knows, but asks again whether it is a first visit', () => {
    const draft = draftFrom({
      sex: 'female',
      visitKind: 'first',
      heardFrom: ['online', 'gone'],
      ageBand: 'no-such-band',
      homeArea: '福田',
    })
    expect(draft).toEqual({ sex: 'female', heardFrom: ['online'], homeArea: '福田' })
    expect(draftFrom(null)).toEqual({})
  })

  it('writes a registration on the timeline in words', () => {
    expect(visitSummary({ sex: 'male', company: 'family', factors: ['location', 'price'] }, 'zh-CN')).toBe(
      '性别：男；同行人：家人；决策因素：地段、价格',
    )
    expect(visitSummary({ sex: 'male', factors: ['location', 'price'] }, 'en')).toBe(
      'Sex: Male; Decision factors: Location, Price',
    )
  })
})
