import { describe, expect, it } from 'vitest'
import { applyEvent, initialRotationState, DEFAULT_SETTINGS, type RotationEvent } from '@anchang/shared'
import {
  breakKeepsPlace,
  dropToPosition,
  durationMinutes,
  elapsedMs,
  formatElapsed,
  invalidNote,
  movedOrder,
  nextUpId,
  stepToPosition,
  tallyBars,
  undoRemainingMs,
} from './rotation-format'

describe('running timers', () => {
  it('read as minutes and seconds, with hours once a reception runs past one', () => {
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(65_000)).toBe('1:05')
    expect(formatElapsed(12 * 60_000 + 5_000)).toBe('12:05')
    expect(formatElapsed(3_723_000)).toBe('1:02:03')
    expect(formatElapsed(-5_000)).toBe('0:00')
  })

  it('never run backwards when this device’s clock is behind the server’s', () => {
    const now = Date.parse('2026-03-01T10:00:00Z')
    expect(elapsedMs('2026-03-01T09:58:30Z', now)).toBe(90_000)
    expect(elapsedMs('2026-03-01T10:00:05Z', now)).toBe(0)
    expect(elapsedMs('not a time', now)).toBe(0)
  })

  it('offer undo only inside the project’s window, and say how long is left', () => {
    const since = '2026-03-01T10:00:00Z'
    expect(undoRemainingMs(since, 2, Date.parse('2026-03-01T10:00:30Z'))).toBe(90_000)
    expect(undoRemainingMs(since, 2, Date.parse('2026-03-01T10:02:00Z'))).toBe(0)
    expect(undoRemainingMs(since, 2, Date.parse('2026-03-01T10:05:00Z'))).toBe(0)
    // A window of 0 minutes means undo is switched off.
    expect(undoRemainingMs(since, 0, Date.parse('2026-03-01T10:00:01Z'))).toBe(0)
  })

  it('count a finished reception in whole minutes, and an open one not at all', () => {
    expect(durationMinutes('2026-03-01T10:00:00Z', '2026-03-01T10:24:40Z')).toBe(25)
    expect(durationMinutes('2026-03-01T10:00:00Z', null)).toBeNull()
  })
})

/** The queue after the server applies `move` with the given position: the engine itself decides. */
function serverOrder(ids: string[], consultantId: string, toPosition: number): string[] {
  const state = initialRotationState(DEFAULT_SETTINGS.rotation)
  let minute = 0
  const at = () => `2026-03-01T10:${String(minute++).padStart(2, '0')}:00.000Z`
  for (const id of ids)
    applyEvent(state, { type: 'signIn', consultantId: id, name: id, at: at() } as RotationEvent)
  applyEvent(state, { type: 'move', consultantId, toPosition, reason: 'test', at: at() } as RotationEvent)
  return state.order
}

describe('reordering the queue', () => {
  const queue = ['张伟', '李娜', '王芳', '刘洋', '陈静']

  it('puts a row dropped on another exactly where that row was, dragging up or down, as the server orders it', () => {
    for (let from = 0; from < queue.length; from++) {
      for (let target = 0; target < queue.length; target++) {
        const to = dropToPosition(from, target, queue.length)
        if (from === target) {
          expect(to).toBeNull()
          continue
        }
        const moved = queue[from]!
        const expected = serverOrder(queue, moved, to!)
        expect(movedOrder(queue, from, to!)).toEqual(expected)
        expect(expected.indexOf(moved)).toBe(target)
      }
    }
  })

  it('moves one place with the up and down buttons, and not past either end', () => {
    expect(stepToPosition(3, -1, 5)).toBe(2)
    expect(stepToPosition(3, 1, 5)).toBe(4)
    expect(stepToPosition(1, -1, 5)).toBeNull()
    expect(stepToPosition(5, 1, 5)).toBeNull()
    expect(movedOrder(queue, 4, 4)).toEqual(serverOrder(queue, '陈静', 4))
  })

  it('ignores a drop from outside the list', () => {
    expect(dropToPosition(-1, 2, 5)).toBeNull()
    expect(dropToPosition(1, 7, 5)).toBeNull()
  })
})

describe('who is next', () => {
  it('is the first available consultant in queue order, skipping those on a break or receiving', () => {
    expect(
      nextUpId([
        { consultantId: 'a', status: 'receiving' },
        { consultantId: 'b', status: 'break' },
        { consultantId: 'c', status: 'available' },
        { consultantId: 'd', status: 'available' },
      ]),
    ).toBe('c')
    expect(nextUpId([{ consultantId: 'a', status: 'break' }])).toBeNull()
  })
})

describe('break reasons', () => {
  it('keep or lose the place as the project set them, lunch keeping and leave losing by default', () => {
    const defaults = DEFAULT_SETTINGS.rotation.breakKeepsPlace
    expect(breakKeepsPlace(defaults, 'lunch')).toBe(true)
    expect(breakKeepsPlace(defaults, 'customer')).toBe(true)
    expect(breakKeepsPlace(defaults, 'leave')).toBe(false)
    expect(breakKeepsPlace(defaults, 'private')).toBe(false)
    expect(breakKeepsPlace({ ...defaults, lunch: false }, 'lunch')).toBe(false)
    // A break without a reason keeps the place, as the server treats it.
    expect(breakKeepsPlace(defaults, null)).toBe(true)
  })
})

describe('an invalid reception’s note', () => {
  it('starts with the chosen reason and keeps what the consultant typed', () => {
    expect(invalidNote('快递外卖', '  送外卖的  ')).toBe('快递外卖：送外卖的')
    expect(invalidNote('市场调查', '')).toBe('市场调查')
    expect(invalidNote(null, '问路的')).toBe('问路的')
    expect(invalidNote(null, '  ')).toBe('')
  })
})

describe('receptions per consultant for the day’s chart', () => {
  it('splits valid from invalid, counts open ones apart, and lists the busiest first', () => {
    const bars = tallyBars([
      { consultantId: 'c1', consultantName: '张伟', result: 'valid' },
      { consultantId: 'c2', consultantName: '李娜', result: 'valid' },
      { consultantId: 'c2', consultantName: '李娜', result: 'invalid' },
      { consultantId: 'c2', consultantName: '李娜', result: undefined },
      { consultantId: 'c1', consultantName: '张伟', result: 'invalid' },
      { consultantId: 'c3', consultantName: '王芳', result: 'valid' },
    ])
    expect(bars).toEqual([
      { consultantId: 'c2', name: '李娜', valid: 1, invalid: 1, other: 1, total: 3 },
      { consultantId: 'c1', name: '张伟', valid: 1, invalid: 1, other: 0, total: 2 },
      { consultantId: 'c3', name: '王芳', valid: 1, invalid: 0, other: 0, total: 1 },
    ])
  })
})
