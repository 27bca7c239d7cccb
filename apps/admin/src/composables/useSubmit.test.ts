import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n } from '../locales'
import zhCN from '../locales/zh-CN'
import { useSubmit } from './useSubmit'

function withSubmit() {
  let state!: ReturnType<typeof useSubmit>
  mount(
    defineComponent({
      setup() {
        state = useSubmit()
        return () => null
      },
    }),
    { global: { plugins: [i18n] } },
  )
  return state
}

describe('useSubmit', () => {
  it('shows a failure in the dialog and lets the person send again', async () => {
    const { error, working, submit } = withSubmit()
    await submit(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(error.value).toBe(zhCN.errors.network)
    expect(working.value).toBe(false)

    let sentWhileWorking = false
    await submit(async () => {
      sentWhileWorking = working.value
      expect(error.value).toBe('')
    })
    expect(sentWhileWorking).toBe(true)
    expect(error.value).toBe('')
    expect(working.value).toBe(false)
  })
})
