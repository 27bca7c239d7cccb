import { describe, expect, it } from 'vitest'
import { BREAK_REASONS, BREAK_REASON_LABELS } from '@anchang/shared/break-reasons'
import en from './en'
import zhCN from './zh-CN'

describe('break reasons', () => {
  it('are worded as the server and the admin app word them (one label set, in @anchang/shared)', () => {
    for (const reason of BREAK_REASONS) {
      expect(zhCN.consultant.reasons[reason]).toBe(BREAK_REASON_LABELS[reason]['zh-CN'])
      expect(en.consultant.reasons[reason]).toBe(BREAK_REASON_LABELS[reason].en)
    }
  })
})
