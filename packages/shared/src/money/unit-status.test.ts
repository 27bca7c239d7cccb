import { describe, expect, it } from 'vitest'
import { ROLES } from '../enums'
import { UNIT_ACTIONS, UNIT_STATUSES, unitActionsFor, unitMove } from './unit-status'

describe('unit status', () => {
  it('takes a unit from sale to signing and back on a cancelled signing', () => {
    expect(unitMove('available', 'subscribe', 'consultant')).toEqual({ ok: true, to: 'subscribed' })
    expect(unitMove('subscribed', 'sign', 'assistant')).toEqual({ ok: true, to: 'signed' })
    expect(unitMove('signed', 'cancelSigning', 'manager')).toEqual({ ok: true, to: 'available' })
  })

  it('refuses a move from the wrong status, saying where it could start, and the wrong role', () => {
    expect(unitMove('subscribed', 'subscribe', 'consultant')).toEqual({
      ok: false,
      problem: 'notFromHere',
      allowedFrom: ['available'],
    })
    // A unit held back is not for sale until a manager releases it (CONTRACT.md: not available → CONFLICT).
    expect(unitMove('held', 'subscribe', 'consultant')).toMatchObject({ ok: false, problem: 'notFromHere' })
    expect(unitMove('signed', 'withhold', 'director')).toMatchObject({ ok: false, problem: 'notFromHere' })
    expect(unitMove('signed', 'cancelSigning', 'consultant')).toMatchObject({
      ok: false,
      problem: 'notYourRole',
    })
    expect(unitMove('available', 'hold', 'assistant')).toMatchObject({ ok: false, problem: 'notYourRole' })
  })

  it('never lets a channel partner move a unit, and a sold unit is never taken off sale', () => {
    for (const status of UNIT_STATUSES) {
      expect(unitActionsFor(status, 'channel'), status).toEqual([])
      for (const role of ROLES) {
        const actions = unitActionsFor(status, role)
        if (status === 'subscribed' || status === 'signed') expect(actions).not.toContain('withhold')
        for (const action of actions) expect(UNIT_ACTIONS).toContain(action)
      }
    }
  })

  it('offers a consultant only 认购 on a free unit and 签约 on a subscribed one', () => {
    expect(unitActionsFor('available', 'consultant')).toEqual(['subscribe'])
    expect(unitActionsFor('subscribed', 'consultant')).toEqual(['sign'])
    expect(unitActionsFor('withheld', 'consultant')).toEqual([])
    expect(unitActionsFor('available', 'manager')).toEqual(['hold', 'subscribe', 'withhold'])
  })
})
