import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '../../../common/locales'
import { pairedDevice } from '../../../test/fake-server'
import { useCheckInStore, type CheckInOutcome } from '../../stores/check-in'
import CheckInResult from './CheckInResult.vue'

function showResult(outcome: CheckInOutcome, visitor: { surname?: string; title?: '先生' | '女士' } = {}) {
  const pinia = pairedDevice('kiosk')
  const flow = useCheckInStore()
  flow.surname = visitor.surname ?? null
  flow.title = visitor.title ?? null
  flow.outcome = outcome
  flow.step = 'result'
  return mount(CheckInResult, { global: { plugins: [pinia, i18n] } })
}

const consultant = { id: 'c-2', name: '李娜' }
const sentence = (screen: ReturnType<typeof showResult>) =>
  screen.get('[data-testid="result-sentence"]').text()

describe('check-in result', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('names the consultant next in rotation, with the consultant’s initial in the avatar', () => {
    const screen = showResult(
      { outcome: 'assigned', consultant, reason: 'rotation', receptionId: 'r-1' },
      { surname: '王', title: '女士' },
    )
    expect(sentence(screen)).toBe('请稍候，置业顾问 李娜 将为您服务')
    expect(screen.text()).toContain('王女士，您好！')
    expect(screen.get('.avatar').text()).toBe('李')
  })

  it('tells a returning customer it is their own consultant', () => {
    const screen = showResult({ outcome: 'assigned', consultant, reason: 'owner', receptionId: 'r-1' })
    expect(sentence(screen)).toBe('您的专属顾问 李娜 将为您服务')
    expect(screen.text()).toContain('您好！')
  })

  it('explains a stand-in gently when the customer’s own consultant is away', () => {
    const screen = showResult({ outcome: 'assigned', consultant, reason: 'on_behalf', receptionId: 'r-1' })
    expect(sentence(screen)).toBe('您的顾问暂时不在，由 李娜 先为您接待')
  })

  it('gives the place in line, how many are ahead and about how long', () => {
    const screen = showResult({
      outcome: 'waiting',
      waitingId: 'w-1',
      reason: 'waiting',
      waitPosition: 3,
      estimatedMinutes: 25,
    })
    expect(screen.get('[data-testid="wait-place"]').text()).toBe('等候第 3 位')
    expect(sentence(screen)).toBe('您前面还有 2 位，预计等候约 25 分钟')
  })

  it('says so when the visitor is next, in English too', () => {
    i18n.global.locale.value = 'en'
    const screen = showResult({
      outcome: 'waiting',
      waitingId: 'w-1',
      reason: 'waiting',
      waitPosition: 1,
      estimatedMinutes: 8,
    })
    expect(sentence(screen)).toBe('You are next. About 8 minutes to wait.')
  })
})
