import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ReceptionChoiceButtons from './ReceptionChoiceButtons.vue'

function choices(modelValue: string | null, clearable = false) {
  return mount(ReceptionChoiceButtons, {
    props: {
      modelValue,
      options: ['courier', 'survey'],
      label: '无效原因',
      text: (o: string) => o,
      chosenType: () => 'warning',
      testIdPrefix: 'finish-preset-',
      clearable,
    },
  })
}

describe('ReceptionChoiceButtons', () => {
  it('marks the chosen button for screen readers and picks another on a tap', async () => {
    const wrapper = choices('courier')
    expect(wrapper.get('[data-testid="finish-preset-courier"]').attributes('aria-checked')).toBe('true')
    expect(wrapper.get('[data-testid="finish-preset-survey"]').attributes('aria-checked')).toBe('false')
    await wrapper.get('[data-testid="finish-preset-survey"]').trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([['survey']])
  })

  it('takes the choice back on a second tap only where it may be left empty', async () => {
    const kept = choices('courier')
    await kept.get('[data-testid="finish-preset-courier"]').trigger('click')
    // The choice stands: nothing changes, so nothing is sent up.
    expect(kept.emitted('update:modelValue')).toBeUndefined()

    const cleared = choices('courier', true)
    await cleared.get('[data-testid="finish-preset-courier"]').trigger('click')
    expect(cleared.emitted('update:modelValue')).toEqual([[null]])
  })
})
