import { describe, expect, it } from 'vitest'
import {
  elapsedMinutes,
  isStale,
  projectDate,
  queueRows,
  STALE_AFTER_MS,
  tallyRows,
  waitingSummary,
  type BoardPayload,
} from './board-view'

const NOW = Date.parse('2026-11-27T06:30:00.000Z')
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString()

function board(overrides: Partial<BoardPayload> = {}): BoardPayload {
  return {
    queue: [],
    waiting: [],
    receiving: [],
    tally: [],
    project: { id: 'p-1', code: 'DEMO', name: '思源·示范项目', timeZone: 'Asia/Shanghai' },
    date: '2026-11-27',
    averageReceptionMinutes: 20,
    ...overrides,
  }
}

const consultant = (
  consultantId: string,
  name: string,
  position: number,
  status: 'available' | 'receiving' | 'break',
  since = minutesAgo(30),
) => ({
  consultantId,
  name,
  position,
  status,
  breakReason: status === 'break' ? ('lunch' as const) : null,
  since,
})

describe('queue rows', () => {
  it('lists consultants by position and marks the first available one as next', () => {
    const rows = queueRows(
      board({
        queue: [
          consultant('c3', '王芳', 3, 'available'),
          consultant('c1', '张伟', 1, 'receiving'),
          consultant('c2', '李娜', 2, 'break'),
          consultant('c4', '刘洋', 4, 'available'),
        ],
        receiving: [
          {
            receptionId: 'r1',
            consultantId: 'c1',
            since: minutesAgo(12),
            reason: 'on_behalf',
            kind: 'visit',
          },
        ],
      }),
      NOW,
    )
    expect(rows.map((row) => [row.position, row.name, row.status, row.isNext])).toEqual([
      [1, '张伟', 'receiving', false],
      [2, '李娜', 'break', false],
      [3, '王芳', 'available', true],
      [4, '刘洋', 'available', false],
    ])
  })

  it('times a reception from its start and a break from when it began', () => {
    const [receiving, onBreak] = queueRows(
      board({
        queue: [
          consultant('c1', '张伟', 1, 'receiving', minutesAgo(40)),
          consultant('c2', '李娜', 2, 'break', minutesAgo(7)),
        ],
        receiving: [
          {
            receptionId: 'r1',
            consultantId: 'c1',
            since: minutesAgo(12.5),
            reason: 'rotation',
            kind: 'call',
          },
        ],
      }),
      NOW,
    )
    expect(receiving).toMatchObject({ minutes: 12, reception: { reason: 'rotation', kind: 'call' } })
    expect(onBreak).toMatchObject({ minutes: 7, breakReason: 'lunch', reception: null })
  })

  it('has nobody next when nobody is free', () => {
    const rows = queueRows(board({ queue: [consultant('c1', '张伟', 1, 'break')] }), NOW)
    expect(rows.some((row) => row.isNext)).toBe(false)
  })
})

describe('elapsedMinutes', () => {
  it('counts whole minutes and never goes below zero when the device clock is behind', () => {
    expect(elapsedMinutes(minutesAgo(0.99), NOW)).toBe(0)
    expect(elapsedMinutes(minutesAgo(61), NOW)).toBe(61)
    expect(elapsedMinutes(new Date(NOW + 30_000).toISOString(), NOW)).toBe(0)
    expect(elapsedMinutes('not a date', NOW)).toBe(0)
  })
})

describe('waiting line', () => {
  it('counts parties and people, times the longest wait, and lists the first nine with the rest as +N', () => {
    const waiting = Array.from({ length: 13 }, (_, i) => ({
      waitingId: `w${i + 1}`,
      since: minutesAgo(30 - i),
      partySize: (i % 3) + 1,
      kind: 'visit' as const,
    }))
    const summary = waitingSummary(board({ waiting: [...waiting].reverse() }), NOW)
    expect(summary.count).toBe(13)
    expect(summary.people).toBe(waiting.reduce((sum, w) => sum + w.partySize, 0))
    expect(summary.longestMinutes).toBe(30)
    expect(summary.shown).toHaveLength(9)
    expect(summary.shown[0]).toEqual({ waitingId: 'w1', place: 1, partySize: 1, minutes: 30, kind: 'visit' })
    expect(summary.more).toBe(4)
  })

  it('lists exactly ten when ten wait, with no +N', () => {
    const waiting = Array.from({ length: 10 }, (_, i) => ({
      waitingId: `w${i}`,
      since: minutesAgo(10 - i),
      partySize: 1,
      kind: 'visit' as const,
    }))
    const summary = waitingSummary(board({ waiting }), NOW)
    expect([summary.shown.length, summary.more]).toEqual([10, 0])
  })

  it('is empty with nobody waiting', () => {
    expect(waitingSummary(board(), NOW)).toEqual({
      count: 0,
      people: 0,
      longestMinutes: null,
      shown: [],
      more: 0,
    })
  })
})

describe('tally', () => {
  it('lists everyone on duty in queue order, then the signed-out by receptions, named from the tally', () => {
    const rows = tallyRows(
      board({
        queue: [consultant('c2', '李娜', 1, 'available'), consultant('c1', '张伟', 2, 'receiving')],
        tally: [
          { consultantId: 'c1', name: '张伟', received: 3, valid: 2, invalid: 1, missed: 0, reassigned: 0 },
          { consultantId: 'c5', name: '陈静', received: 1, valid: 1, invalid: 0, missed: 1, reassigned: 0 },
          { consultantId: 'c6', name: '杨磊', received: 4, valid: 3, invalid: 1, missed: 0, reassigned: 0 },
        ],
      }),
    )
    expect(
      rows.map((row) => [row.name, row.onDuty, row.received, row.valid, row.invalid, row.missed]),
    ).toEqual([
      ['李娜', true, 0, 0, 0, 0],
      ['张伟', true, 3, 2, 1, 0],
      ['杨磊', false, 4, 3, 1, 0],
      ['陈静', false, 1, 1, 0, 1],
    ])
  })
})

describe('isStale', () => {
  it('is stale when the link says it is reconnecting', () => {
    expect(isStale({ state: 'reconnecting', lastHeardAt: NOW, startedAt: NOW }, NOW)).toBe(true)
  })

  it('is stale after 15 s without any message, pings included', () => {
    const health = { state: 'open' as const, lastHeardAt: NOW, startedAt: NOW - 60_000 }
    expect(isStale(health, NOW + STALE_AFTER_MS)).toBe(false)
    expect(isStale(health, NOW + STALE_AFTER_MS + 1)).toBe(true)
  })

  it('gives a stream that never answered 15 s from when it started', () => {
    const health = { state: 'connecting' as const, lastHeardAt: null, startedAt: NOW }
    expect(isStale(health, NOW + 10_000)).toBe(false)
    expect(isStale(health, NOW + 16_000)).toBe(true)
    expect(isStale({ state: 'connecting', lastHeardAt: null, startedAt: null }, NOW)).toBe(false)
  })
})

describe('projectDate', () => {
  it('dates by the project’s time zone, as the server does', () => {
    expect(projectDate(Date.parse('2026-11-27T16:30:00.000Z'), 'Asia/Shanghai')).toBe('2026-11-28')
    expect(projectDate(Date.parse('2026-11-27T15:59:00.000Z'), 'Asia/Shanghai')).toBe('2026-11-27')
  })
})
