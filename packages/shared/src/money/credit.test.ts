import { describe, expect, it } from 'vitest'
import { creditOf, creditSplit } from './credit'

describe('creditSplit', () => {
  it('gives the owner the whole sale, or shares it with the stand-in of an on-behalf reception', () => {
    expect(creditSplit('owner', null, 50)).toEqual([{ consultantId: 'owner', percent: 100 }])
    expect(creditSplit('owner', 'owner', 50)).toEqual([{ consultantId: 'owner', percent: 100 }])
    const shared = creditSplit('owner', 'standIn', 70)
    expect(shared).toEqual([
      { consultantId: 'owner', percent: 70 },
      { consultantId: 'standIn', percent: 30 },
    ])
    expect(creditOf(shared, 'standIn')).toBe(0.3)
    expect(creditSplit('owner', 'standIn', 0)).toEqual([{ consultantId: 'standIn', percent: 100 }])
  })
})
