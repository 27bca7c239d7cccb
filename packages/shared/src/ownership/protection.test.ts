import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../settings'
import {
  gradedAt,
  EMPTY_OWNERSHIP,
  claimBy,
  dealCredit,
  dealOut,
  followUpDueOn,
  followUpState,
  maskName,
  ownedFrom,
  ownershipAfterReception,
  ownershipOnImport,
  protectedOwner,
  renewedBy,
  type OwnershipRecord,
} from './protection'

const settings = DEFAULT_SETTINGS.ownership // 30 days of protection; A 3, B 7, C 15 days of cadence
const DAY = 86_400_000
const T0 = new Date('2026-03-02T02:00:00.000Z') // 10:00 in Shanghai
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms)
const owned = (ownerId: string, since = T0): OwnershipRecord =>
  ownedFrom(EMPTY_OWNERSHIP, ownerId, { at: since, grade: 'B' }, settings)

describe('protection', () => {
  it('lasts exactly 30 × 24 h from the contact: owned a millisecond before, in the pool at the instant', () => {
    const c = owned('zhang')
    expect(c.protectionEndsAt).toBe(at(30).toISOString())
    expect(protectedOwner(c, at(30, -1))).toBe('zhang')
    expect(protectedOwner(c, at(30))).toBeNull()
  })

  it('is renewed by every contact, from when the contact happened', () => {
    const renewed = renewedBy(owned('zhang'), { at: at(20) }, settings)
    expect(renewed.protectionEndsAt).toBe(at(50).toISOString())
    expect(protectedOwner(renewed, at(49))).toBe('zhang')
  })

  it('is never shortened by a late entry of an older contact, and the grade stays the newest contact’s', () => {
    const recent = renewedBy(owned('zhang'), { at: at(20), grade: 'A' }, settings)
    const late = renewedBy(recent, { at: at(5), grade: 'C' }, settings)
    expect(late.protectionEndsAt).toBe(at(50).toISOString())
    expect(late.grade).toBe('A')
    expect(late.lastContactAt).toBe(at(20).toISOString())
  })

  it('a contact entered late but made while protected counts in full', () => {
    const c = owned('zhang')
    // Day 31: protection ended yesterday, but the call on day 29 is only entered now.
    const renewed = renewedBy(c, { at: at(29) }, settings)
    expect(protectedOwner(renewed, at(31))).toBe('zhang')
  })

  it('nothing renews a customer already in the pool', () => {
    const pool = renewedBy(owned('zhang'), { at: at(31) }, settings)
    expect(protectedOwner(pool, at(31))).toBeNull()
  })
})

describe('claims and conflicts', () => {
  it('a customer in the pool goes to whoever claims them, protected from the claim whatever the grade', () => {
    const outcome = claimBy({ ...owned('zhang'), grade: 'D' }, 'li', { at: at(40) }, settings)
    expect(outcome).toMatchObject({
      kind: 'owned',
      changed: true,
      record: { ownerId: 'li', protectionEndsAt: at(70).toISOString(), grade: 'D' },
    })
  })

  it('a new number is the claimant’s', () => {
    expect(claimBy(EMPTY_OWNERSHIP, 'li', { at: T0 }, settings)).toMatchObject({
      kind: 'owned',
      record: { ownerId: 'li' },
    })
  })

  it('someone else’s protected customer is a conflict naming the owner, and changes nothing', () => {
    expect(claimBy(owned('zhang'), 'li', { at: at(10) }, settings)).toEqual({
      kind: 'conflict',
      ownerId: 'zhang',
    })
  })

  it('claiming one’s own customer renews them', () => {
    expect(claimBy(owned('zhang'), 'zhang', { at: at(10) }, settings)).toMatchObject({
      kind: 'owned',
      changed: false,
      record: { ownerId: 'zhang', protectionEndsAt: at(40).toISOString() },
    })
  })
})

describe('receptions', () => {
  it('a valid A–C reception of a new visitor makes the consultant the owner', () => {
    const c = ownershipAfterReception(
      EMPTY_OWNERSHIP,
      { consultantId: 'zhang', result: 'valid', grade: 'A' },
      T0,
      settings,
    )
    expect(c).toMatchObject({ ownerId: 'zhang', grade: 'A', protectionEndsAt: at(30).toISOString() })
  })

  it('a stand-in’s duty reception (代接) keeps the owner and renews their protection', () => {
    const c = ownershipAfterReception(
      owned('zhang'),
      { consultantId: 'li', result: 'valid', grade: 'A' },
      at(10),
      settings,
    )
    expect(c).toMatchObject({ ownerId: 'zhang', grade: 'A', protectionEndsAt: at(40).toISOString() })
  })

  it('D gives no protection and invalid changes nothing', () => {
    expect(
      ownershipAfterReception(
        EMPTY_OWNERSHIP,
        { consultantId: 'zhang', result: 'valid', grade: 'D' },
        T0,
        settings,
      ),
    ).toMatchObject({ ownerId: null, grade: 'D' })
    const before = owned('zhang')
    expect(
      ownershipAfterReception(
        before,
        { consultantId: 'li', result: 'invalid', grade: null },
        at(3),
        settings,
      ),
    ).toBe(before)
  })

  it('credits a deal on a duty reception by the project’s split, any other wholly', () => {
    expect(dealCredit('li', 'zhang', settings)).toEqual([
      { consultantId: 'zhang', percent: 50 },
      { consultantId: 'li', percent: 50 },
    ])
    expect(dealCredit('li', null, settings)).toEqual([{ consultantId: 'li', percent: 100 }])
    expect(dealCredit('li', 'zhang', { onBehalfOwnerSharePercent: 100 })).toEqual([
      { consultantId: 'zhang', percent: 100 },
    ])
  })
})

describe('import of old customers', () => {
  it('keeps the owner while their last contact is within the protection period, and sends the rest to the pool', () => {
    const recent = ownershipOnImport({ ownerId: 'zhang', lastContactAt: at(-10), grade: 'B' }, T0, settings)
    expect(recent).toMatchObject({ ownerId: 'zhang', protectionEndsAt: at(20).toISOString() })
    const old = ownershipOnImport({ ownerId: 'zhang', lastContactAt: at(-30), grade: 'B' }, T0, settings)
    expect(old).toMatchObject({
      ownerId: null,
      protectionEndsAt: null,
      lastContactAt: at(-30).toISOString(),
      grade: 'B',
    })
    expect(
      ownershipOnImport({ ownerId: 'zhang', lastContactAt: null, grade: null }, T0, settings).ownerId,
    ).toBeNull()
  })
})

describe('follow-ups', () => {
  it('are due on the planned day, or the last contact plus the grade’s cadence, and overdue from the day after', () => {
    const b = owned('zhang') // B: 7 days
    expect(followUpDueOn(b, settings.followUpDays, 'Asia/Shanghai')).toBe('2026-03-09')
    expect(followUpState('2026-03-09', '2026-03-08')).toBe('upcoming')
    expect(followUpState('2026-03-09', '2026-03-09')).toBe('due')
    expect(followUpState('2026-03-09', '2026-03-10')).toBe('overdue')
    const planned = renewedBy(b, { at: at(1), nextFollowUpOn: '2026-03-04' }, settings)
    expect(followUpDueOn(planned, settings.followUpDays, 'Asia/Shanghai')).toBe('2026-03-04')
  })

  it('a follow-up done clears the plan it fulfilled; D and ungraded customers have no cadence', () => {
    const planned = renewedBy(owned('zhang'), { at: at(1), nextFollowUpOn: '2026-03-04' }, settings)
    const done = renewedBy(planned, { at: at(2) }, settings)
    expect(done.nextFollowUpOn).toBeNull()
    expect(followUpDueOn({ ...done, grade: 'D' }, settings.followUpDays, 'Asia/Shanghai')).toBeNull()
  })
})

describe('a leaving consultant', () => {
  it('has every customer dealt out in turn to those who take over, none left behind', () => {
    const dealt = dealOut(['c1', 'c2', 'c3', 'c4', 'c5'], ['li', 'wang'])
    expect(dealt.map((d) => d.to)).toEqual(['li', 'wang', 'li', 'wang', 'li'])
    expect(dealt.map((d) => d.customer)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5'])
  })
})

describe('maskName', () => {
  it.each([
    ['张伟', '张*'],
    ['欧阳娜娜', '欧***'],
    ['张', '张*'],
    ['Li Na', 'L****'],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked))
})

describe('gradedAt', () => {
  const record = {
    ...EMPTY_OWNERSHIP,
    ownerId: 'a',
    grade: 'B' as const,
    gradeAt: '2026-03-02T02:00:00.000Z',
  }
  it('takes a newer grade and leaves protection and contact alone', () => {
    expect(gradedAt(record, new Date('2026-03-02T03:00:00.000Z'), 'A')).toEqual({
      ...record,
      grade: 'A',
      gradeAt: '2026-03-02T03:00:00.000Z',
    })
  })
  it('ignores a grade older than the one on record', () => {
    expect(gradedAt(record, new Date('2026-03-01T03:00:00.000Z'), 'D')).toBe(record)
  })
})
