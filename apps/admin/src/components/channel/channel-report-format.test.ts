import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import { invalidReasonWords, reportStatusType } from './channel-report-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

describe('channel reports in words', () => {
  it('says 到访为王 as the sentence the server uses, and a manager’s reason as written', () => {
    expect(invalidReasonWords('visitedBefore', t)).toBe(
      '客户在报备之前已自行到访（到访为王），报备不计入渠道。',
    )
    expect(invalidReasonWords('同一客户重复报备', t)).toBe('同一客户重复报备')
    expect(invalidReasonWords(null, t)).toBe('')
  })

  it('shows a visit or a deal as good news and an invalid report as a warning', () => {
    expect(reportStatusType('visited')).toBe('success')
    expect(reportStatusType('dealt')).toBe('success')
    expect(reportStatusType('invalid')).toBe('warning')
    expect(reportStatusType('valid')).toBe('info')
    expect(reportStatusType('expired')).toBe('default')
  })
})
