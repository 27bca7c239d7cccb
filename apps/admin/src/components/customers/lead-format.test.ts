import { describe, expect, it } from 'vitest'
import { leadRows } from './lead-format'

describe('leads left alone', () => {
  it('list open receptions first, then new customers, each the longest waiting first', () => {
    const rows = leadRows({
      newWithoutFollowUp: [
        { customerId: 'a', name: '王先生', ownerName: '张伟', since: '2026-03-01T01:00:00Z', hours: 50 },
        { customerId: 'b', name: '李女士', ownerName: '李娜', since: '2026-02-28T01:00:00Z', hours: 73 },
      ],
      openReceptions: [
        {
          receptionId: 'r1',
          consultantName: '王芳',
          customerId: null,
          customerName: '王先生',
          since: '2026-03-03T01:00:00Z',
          minutes: 75,
        },
      ],
    })
    expect(rows.map((r) => [r.kind, r.name, r.consultantName, r.elapsed])).toEqual([
      ['openReception', '王先生', '王芳', 75],
      ['newWithoutFollowUp', '李女士', '李娜', 73],
      ['newWithoutFollowUp', '王先生', '张伟', 50],
    ])
  })
})
