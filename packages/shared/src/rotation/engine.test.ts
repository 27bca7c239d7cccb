import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { DEFAULT_SETTINGS, type RotationSettings } from '../settings'
import { applyEvent, cloneRotationState, initialRotationState, replayRotation } from './engine'
import { boardView } from './board'
import type { Decision, RotationEvent, RotationEventInput, RotationState } from './types'

/** Hundreds of generated days each: seconds on a busy two-core machine, far from the 5 s default. */
const PROPERTY_TIMEOUT_MS = 60_000

const base = DEFAULT_SETTINGS.rotation
const T0 = Date.parse('2026-03-02T01:00:00.000Z')
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString()

/** A little office: drives the engine like a day at the sales office, remembering what it accepted. */
function office(settings: RotationSettings = base) {
  const state = initialRotationState(settings)
  const log: RotationEvent[] = []
  let clock = 0
  let n = 0
  const apply = (event: RotationEventInput): Decision[] => {
    const full = { ...event, at: at(clock++) } as RotationEvent
    const decisions = applyEvent(state, full)
    log.push(full)
    return decisions
  }
  return {
    state,
    log,
    apply,
    signIn: (...ids: string[]) =>
      ids.forEach((id) => apply({ type: 'signIn', consultantId: id, name: id.toUpperCase() })),
    checkIn(
      phone = `139${String(n).padStart(8, '0')}`,
      ownerId: string | null = null,
      kind: 'visit' | 'call' = 'visit',
    ) {
      n += 1
      return apply({
        type: 'checkIn',
        kind,
        checkInId: `ci${n}`,
        receptionId: `r${n}`,
        waitingId: `w${n}`,
        phone,
        customerId: null,
        ownerId,
        partySize: 1,
      })
    },
    finish: (receptionId: string, result: 'valid' | 'invalid' = 'valid') =>
      apply({ type: 'finish', receptionId, result, grade: result === 'valid' ? 'B' : null }),
  }
}

const assigned = (decisions: Decision[]) =>
  decisions.find((d) => d.type === 'assigned') as Extract<Decision, { type: 'assigned' }> | undefined

describe('rotation engine: consultants kept out (overdue follow-ups)', () => {
  it('never picks them: not at check-in, not for a passed-on missed turn, not to take the waiting line', () => {
    const o = office()
    o.signIn('a', 'b', 'c')
    const first = assigned(o.apply({ ...checkInOf(1), blockedIds: ['a'] }))!
    expect(first.consultantId).toBe('b')
    const passed = o.apply({
      type: 'missedTurn',
      receptionId: first.receptionId,
      reason: '没上前',
      blockedIds: ['a'],
    })
    expect(assigned(passed)).toMatchObject({ consultantId: 'c' })
    // b, freed by the miss, took nobody (nobody waited); now a visitor waits for want of anyone but a.
    o.apply({ ...checkInOf(2), blockedIds: ['a'] })
    expect(o.apply({ ...checkInOf(3), blockedIds: ['a'] }).map((d) => d.type)).toEqual(['waiting'])
    expect(o.state.consultants.get('a')?.status).toBe('available')
  })

  it('lets a cleared consultant take the waiting line, in queue order', () => {
    const o = office()
    o.signIn('a', 'b')
    o.apply({ ...checkInOf(1), blockedIds: ['a'] })
    o.apply({ ...checkInOf(2), blockedIds: ['a'] })
    expect(o.state.waiting.size).toBe(1)
    expect(o.apply({ type: 'cleared', consultantId: 'a', blockedIds: ['a'] })).toEqual([])
    expect(assigned(o.apply({ type: 'cleared', consultantId: 'a' }))).toMatchObject({
      consultantId: 'a',
      reason: 'waiting',
    })
    expect(o.state.waiting.size).toBe(0)
  })

  it('replays the same day from its log, blocked moments included', () => {
    const o = office()
    o.signIn('a', 'b')
    o.apply({ ...checkInOf(1), blockedIds: ['a'] })
    o.apply({ ...checkInOf(2), blockedIds: ['a'] })
    o.apply({ type: 'cleared', consultantId: 'a' })
    expect(boardView(replayRotation(o.log, base))).toEqual(boardView(o.state))
  })
})

function checkInOf(n: number): RotationEventInput {
  return {
    type: 'checkIn',
    kind: 'visit',
    checkInId: `k${n}`,
    receptionId: `kr${n}`,
    waitingId: `kw${n}`,
    phone: `1370000000${n}`,
    customerId: null,
    ownerId: null,
    partySize: 1,
  }
}

describe('rotation engine: the rules', () => {
  it('gives a new walk-in to the head of the queue and sends them to the tail', () => {
    const o = office()
    o.signIn('a', 'b', 'c')
    const d = assigned(o.checkIn())!
    expect(d).toMatchObject({ consultantId: 'a', reason: 'rotation', queueBefore: ['a', 'b', 'c'] })
    expect(o.state.order).toEqual(['b', 'c', 'a'])
    expect(boardView(o.state).queue.map((q) => [q.consultantId, q.status, q.position])).toEqual([
      ['b', 'available', 1],
      ['c', 'available', 2],
      ['a', 'receiving', 3],
    ])
  })

  it('gives back the turn after an invalid reception (补位) and names the next reception make_up', () => {
    const o = office()
    o.signIn('a', 'b', 'c')
    const first = assigned(o.checkIn())!
    const finished = o.finish(first.receptionId, 'invalid')
    expect(finished[0]).toMatchObject({ type: 'finished', makeUpTurn: true })
    expect(o.state.order).toEqual(['a', 'b', 'c'])
    expect(assigned(o.checkIn())).toMatchObject({ consultantId: 'a', reason: 'make_up' })
  })

  it("sends a returning customer to a free owner without using the owner's turn", () => {
    const o = office()
    o.signIn('a', 'b', 'c')
    expect(assigned(o.checkIn('13800000001', 'c'))).toMatchObject({
      consultantId: 'c',
      reason: 'owner',
      usesTurn: false,
    })
    expect(o.state.order).toEqual(['a', 'b', 'c'])
  })

  it("has the next consultant receive on an absent owner's behalf (代接), queue unchanged", () => {
    const o = office()
    o.signIn('a', 'b')
    o.apply({ type: 'break', consultantId: 'a', reason: 'lunch' })
    const d = assigned(o.checkIn('13800000001', 'a'))!
    expect(d).toMatchObject({ consultantId: 'b', reason: 'on_behalf', onBehalfOf: 'a', usesTurn: false })
    expect(o.state.order).toEqual(['a', 'b'])
    o.finish(d.receptionId, 'invalid')
    expect(o.state.order).toEqual(['a', 'b'])
    expect(o.state.consultants.get('b')!.pendingTurn).toBeNull()
  })

  it('treats an owner who is receiving while another consultant is free as busy', () => {
    const o = office()
    o.signIn('a', 'b')
    o.checkIn() // a receives
    expect(assigned(o.checkIn('13800000009', 'a'))).toMatchObject({ consultantId: 'b', reason: 'on_behalf' })
  })

  it('puts visitors in a FIFO line when nobody is free and serves the oldest first', () => {
    const o = office()
    o.signIn('a')
    const r1 = assigned(o.checkIn())!
    expect(o.checkIn()).toEqual([expect.objectContaining({ type: 'waiting', waitPosition: 1 })])
    expect(o.checkIn()).toEqual([expect.objectContaining({ type: 'waiting', waitPosition: 2 })])
    const served = assigned(o.finish(r1.receptionId))!
    expect(served).toMatchObject({ consultantId: 'a', reason: 'waiting', waitingId: 'w2' })
    expect([...o.state.waiting.keys()]).toEqual(['w3'])
  })

  it('answers a number already waiting or being received with its existing outcome', () => {
    const o = office()
    o.signIn('a')
    const r = assigned(o.checkIn('13800000001'))!
    expect(o.checkIn('13800000001')).toEqual([
      expect.objectContaining({ type: 'existing', receptionId: r.receptionId, consultantId: 'a' }),
    ])
    o.checkIn('13800000002')
    expect(o.checkIn('13800000002')).toEqual([expect.objectContaining({ type: 'existing', waitPosition: 1 })])
    expect(o.state.waiting.size).toBe(1)
  })

  it('keeps the place for lunch and loses it for a private errand', () => {
    const o = office()
    o.signIn('a', 'b', 'c')
    o.apply({ type: 'break', consultantId: 'a', reason: 'lunch' })
    expect(o.state.order).toEqual(['a', 'b', 'c'])
    expect(assigned(o.checkIn())!.consultantId).toBe('b')
    o.apply({ type: 'break', consultantId: 'c', reason: 'private' })
    expect(o.state.order).toEqual(['a', 'b', 'c'])
    o.signIn('d')
    o.apply({ type: 'back', consultantId: 'c' })
    expect(o.state.order).toEqual(['a', 'b', 'd', 'c'])
  })

  it('a manager’s sign-out takes someone out mid-reception; the visitor stays open until reassigned', () => {
    const o = office()
    o.signIn('a', 'b')
    const r = assigned(o.checkIn())!
    expect(o.apply({ type: 'signOut', consultantId: 'a', reason: '急事' })).toEqual([
      { type: 'signedOut', consultantId: 'a', reason: '急事', openReceptionId: r.receptionId },
    ])
    expect(o.state.order).toEqual(['b'])
    expect(o.state.receptions.get(r.receptionId)?.consultantId).toBe('a')
    const moved = o.apply({
      type: 'reassign',
      consultantId: 'b',
      receptionId: r.receptionId,
      reason: '接手',
      newReceptionId: 'r2',
    })
    expect(moved).toEqual([
      expect.objectContaining({
        type: 'reassigned',
        receptionId: r.receptionId,
        newReceptionId: 'r2',
        from: 'a',
        to: 'b',
      }),
    ])
    expect([...o.state.receptions.keys()]).toEqual(['r2'])
    expect(o.state.tally.get('a')).toMatchObject({ received: 1, reassigned: 1 })
    expect(o.state.tally.get('b')).toMatchObject({ received: 1, reassigned: 0 })
  })

  it('a consultant signed out mid-reception who signs in again is receiving that visitor', () => {
    const o = office()
    o.signIn('a', 'b')
    const r = assigned(o.checkIn())!
    o.apply({ type: 'signOut', consultantId: 'a', reason: '误操作' })
    o.signIn('a')
    expect(o.state.consultants.get('a')).toMatchObject({ status: 'receiving', receptionId: r.receptionId })
  })

  it('refuses what cannot happen and leaves the state untouched', () => {
    const o = office()
    o.signIn('a')
    const r = assigned(o.checkIn())!
    const before = cloneRotationState(o.state)
    expect(() => o.apply({ type: 'signOut', consultantId: 'a' })).toThrow(DomainError)
    expect(() => o.apply({ type: 'back', consultantId: 'a' })).toThrow(DomainError)
    expect(() => o.apply({ type: 'finish', receptionId: 'nope', result: 'valid' })).toThrow(DomainError)
    expect(() => o.apply({ type: 'missedTurn', receptionId: r.receptionId, reason: 'x' })).toThrow(
      DomainError,
    )
    expect(o.state).toEqual(before)
  })

  it('passes a missed turn to the next consultant and counts the miss', () => {
    const o = office()
    o.signIn('a', 'b', 'c')
    const r = assigned(o.checkIn())!
    const d = o.apply({ type: 'missedTurn', receptionId: r.receptionId, reason: '没有上前接待' })
    expect(d[0]).toMatchObject({ type: 'missed', consultantId: 'a' })
    expect(assigned(d)).toMatchObject({ consultantId: 'b', receptionId: r.receptionId })
    expect(o.state.tally.get('a')).toMatchObject({ missed: 1, received: 0 })
    expect(o.state.order).toEqual(['c', 'a', 'b'])
  })

  it('undoes a wrong assignment within the window and restores the place', () => {
    const o = office()
    o.signIn('a', 'b')
    const r = assigned(o.checkIn())!
    o.apply({ type: 'undo', receptionId: r.receptionId, reason: '误分配' })
    expect(o.state.order).toEqual(['a', 'b'])
    expect(o.state.consultants.get('a')!.status).toBe('available')
  })

  it('refuses an undo after the window', () => {
    const state = initialRotationState(base)
    applyEvent(state, { type: 'signIn', at: at(0), consultantId: 'a', name: 'A' })
    applyEvent(state, {
      type: 'checkIn',
      at: at(1),
      kind: 'visit',
      checkInId: 'c',
      receptionId: 'r',
      waitingId: 'w',
      phone: '13800000000',
      customerId: null,
      ownerId: null,
      partySize: 1,
    })
    expect(() => applyEvent(state, { type: 'undo', at: at(4), receptionId: 'r', reason: 'x' })).toThrow(
      DomainError,
    )
  })

  it('draws calls from their own queue when the setting splits them', () => {
    const o = office({ ...base, separateCallQueue: true })
    o.signIn('a', 'b')
    expect(assigned(o.checkIn(undefined, null, 'call'))!.consultantId).toBe('a')
    expect(o.state.callOrder).toEqual(['b', 'a'])
    expect(o.state.order).toEqual(['a', 'b'])
  })
})

// ---- properties -------------------------------------------------------------------------------

type Op = { op: number; pick: number; flag: boolean }
const opArb = fc.record({ op: fc.integer({ min: 0, max: 15 }), pick: fc.nat(50), flag: fc.boolean() })
const IDS = ['a', 'b', 'c', 'd', 'e']
const PHONES = Array.from({ length: 8 }, (_, i) => `1380000000${i}`)

/** Turns random intents into events a real office could send, some of them impossible on purpose. */
function drive(ops: Op[], settings: RotationSettings = base) {
  const state = initialRotationState(settings)
  const accepted: RotationEvent[] = []
  const outcomes = new Map<string, number>()
  /** Everyone an event has kept out of the rotation (overdue follow-ups) so far today. */
  const everBlocked = new Set<string>()
  let n = 0
  ops.forEach(({ op, pick, flag }, i) => {
    const t = at(i)
    const id = IDS[pick % IDS.length]!
    const open = [...state.receptions.keys()]
    let event: RotationEvent
    if (op <= 3) {
      n += 1
      const phone = flag ? PHONES[pick % PHONES.length]! : `1390000${String(n).padStart(4, '0')}`
      event = {
        type: 'checkIn',
        at: t,
        kind: 'visit',
        checkInId: `ci${n}`,
        receptionId: `r${n}`,
        waitingId: `w${n}`,
        phone,
        customerId: null,
        ownerId: pick % 3 === 0 ? id : null,
        partySize: 1,
      }
    } else if (op <= 5 && open.length) {
      event = {
        type: 'finish',
        at: t,
        receptionId: open[pick % open.length]!,
        result: flag ? 'valid' : 'invalid',
        grade: flag ? 'A' : null,
      }
    } else if (op === 6) event = { type: 'signIn', at: t, consultantId: id, name: id }
    else if (op === 7)
      event = flag
        ? { type: 'break', at: t, consultantId: id, reason: pick % 2 ? 'lunch' : 'private' }
        : { type: 'back', at: t, consultantId: id }
    else if (op === 8)
      // A manager's sign-out (with a reason) may leave a visitor without a consultant on duty.
      event = flag
        ? { type: 'signOut', at: t, consultantId: id, reason: 'test' }
        : { type: 'signOut', at: t, consultantId: id }
    else if (op === 9)
      event = { type: 'move', at: t, consultantId: id, toPosition: 1 + (pick % 5), reason: 'test' }
    else if (op === 10 && open.length)
      event = { type: 'missedTurn', at: t, receptionId: open[pick % open.length]!, reason: 'test' }
    else if (op === 11 && open.length)
      event = { type: 'undo', at: t, receptionId: open[pick % open.length]!, reason: 'test' }
    else if (op === 12 && open.length)
      event = {
        type: 'reassign',
        at: t,
        receptionId: open[pick % open.length]!,
        consultantId: id,
        reason: 'test',
        // Older logs moved the reception in place; newer ones give the new consultant a reception of their own.
        ...(flag ? { newReceptionId: `moved${(n += 1)}` } : {}),
      }
    else if (op === 13 && state.waiting.size)
      event = {
        type: 'leaveLine',
        at: t,
        waitingId: [...state.waiting.keys()][pick % state.waiting.size]!,
        reason: 'test',
      }
    else if (op === 15) event = { type: 'cleared', at: t, consultantId: null }
    else event = { type: 'grantTurn', at: t, consultantId: id, reason: 'test' }
    // Now and then someone is kept out of the rotation at the moment of the event.
    if (pick % 4 === 0) event.blockedIds = [IDS[(pick >> 2) % IDS.length]!]
    try {
      const decisions = applyEvent(state, event)
      accepted.push(event)
      for (const blocked of event.blockedIds ?? []) everBlocked.add(blocked)
      // Kept out of the rotation, not away from their own customers, nor from a manager's explicit choice.
      for (const d of decisions) {
        if (d.type === 'assigned' && d.reason !== 'owner' && event.type !== 'reassign')
          expect(event.blockedIds ?? [], 'nobody kept out is picked').not.toContain(d.consultantId)
      }
      if (event.type === 'cleared' && state.waiting.size) {
        const free = [...state.consultants.values()].filter((c) => c.status === 'available')
        expect(
          free.every((c) => event.blockedIds?.includes(c.id)),
          'after a clearing, only those kept out sit free',
        ).toBe(true)
      }
      if (event.type === 'checkIn') {
        const own = decisions.filter(
          (d) =>
            (d.type === 'assigned' && d.checkInId === event.checkInId) ||
            (d.type === 'waiting' && d.checkInId === event.checkInId) ||
            d.type === 'existing',
        )
        outcomes.set(event.checkInId, own.length)
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
    }
    assertInvariants(state, everBlocked)
  })
  return { state, accepted, outcomes }
}

function assertInvariants(state: RotationState, everBlocked: ReadonlySet<string> = new Set()): void {
  const holders = [...state.receptions.values()].map((r) => r.consultantId)
  expect(new Set(holders).size).toBe(holders.length)
  for (const c of state.consultants.values()) {
    expect(c.status === 'receiving').toBe(c.receptionId !== null)
    if (c.receptionId) expect(state.receptions.get(c.receptionId)?.consultantId).toBe(c.id)
  }
  expect([...state.order].sort()).toEqual([...state.consultants.keys()].sort())
  // Nobody waits while a consultant sits free, unless that consultant was kept out of the rotation.
  if (state.waiting.size > 0)
    expect(
      [...state.consultants.values()].some((c) => c.status === 'available' && !everBlocked.has(c.id)),
    ).toBe(false)
}

describe('rotation engine: properties', () => {
  let checkInsSeen = 0
  it(
    'gives every check-in exactly one outcome and never two open receptions to one consultant',
    () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 30, maxLength: 120, size: 'max' }), (ops) => {
          const { outcomes } = drive(ops)
          for (const count of outcomes.values()) expect(count).toBe(1)
          checkInsSeen += outcomes.size
        }),
        { numRuns: 300 },
      )
      // The generator must really exercise check-ins, or the property proves nothing.
      expect(checkInsSeen).toBeGreaterThan(3000)
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    "rebuilds the same state by replaying the day's log",
    () => {
      fc.assert(
        fc.property(
          fc.array(opArb, { minLength: 30, maxLength: 120, size: 'max' }),
          fc.boolean(),
          (ops, separate) => {
            const settings = { ...base, separateCallQueue: separate }
            const { state, accepted } = drive(ops, settings)
            expect(replayRotation(accepted, settings)).toEqual(state)
          },
        ),
        { numRuns: 200 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'keeps valid receptions within one of each other for consultants free all day with only new walk-ins',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 0, max: 60 }),
          (consultants, visitors) => {
            const o = office()
            o.signIn(...Array.from({ length: consultants }, (_, i) => `k${i}`))
            for (let v = 0; v < visitors; v++) o.finish(assigned(o.checkIn())!.receptionId, 'valid')
            const valid = [...o.state.consultants.keys()].map((id) => o.state.tally.get(id)?.valid ?? 0)
            expect(Math.max(...valid) - Math.min(...valid)).toBeLessThanOrEqual(1)
          },
        ),
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'keeps the fairness bound when invalid receptions are made up',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 6 }),
          fc.array(fc.boolean(), { maxLength: 60, size: 'max' }),
          (consultants, results) => {
            const o = office()
            o.signIn(...Array.from({ length: consultants }, (_, i) => `k${i}`))
            for (const valid of results)
              o.finish(assigned(o.checkIn())!.receptionId, valid ? 'valid' : 'invalid')
            const valid = [...o.state.consultants.keys()].map((id) => o.state.tally.get(id)?.valid ?? 0)
            expect(Math.max(...valid) - Math.min(...valid)).toBeLessThanOrEqual(1)
          },
        ),
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'leaves the queue as it was after owner and on-behalf receptions, whatever their result',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 5 }),
          fc.nat(10),
          fc.boolean(),
          fc.boolean(),
          (size, ownerPick, ownerAway, valid) => {
            const o = office()
            const ids = Array.from({ length: size }, (_, i) => `k${i}`)
            o.signIn(...ids)
            const owner = ids[ownerPick % size]!
            if (ownerAway) o.apply({ type: 'break', consultantId: owner, reason: 'restroom' })
            const before = [...o.state.order]
            const d = assigned(o.checkIn('13812345678', owner))!
            expect(d.reason).toBe(ownerAway ? 'on_behalf' : 'owner')
            expect(o.state.order).toEqual(before)
            o.finish(d.receptionId, valid ? 'valid' : 'invalid')
            expect(o.state.order).toEqual(before)
          },
        ),
      )
    },
    PROPERTY_TIMEOUT_MS,
  )
})
