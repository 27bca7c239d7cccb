import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { i18n } from '../../locales'
import PairingKeypad from './PairingKeypad.vue'

/** The keypad as a screen uses it: bound to a code, reporting what was submitted. */
function mountKeypad(options: { disabled?: boolean } = {}) {
  const submitted: string[] = []
  const Host = defineComponent(() => {
    const code = ref('')
    return () =>
      h(PairingKeypad, {
        modelValue: code.value,
        'onUpdate:modelValue': (value: string) => (code.value = value),
        onSubmit: (value: string) => submitted.push(value),
        disabled: options.disabled ?? false,
      })
  })
  const wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
  mounted.push(wrapper)
  return { wrapper, submitted }
}
const mounted: VueWrapper[] = []
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

const key = (wrapper: VueWrapper, label: string) => {
  const button = wrapper
    .findAll('button')
    .find((b) => b.text() === label || b.attributes('aria-label') === label)
  if (!button) throw new Error(`no key labelled ${label}`)
  return button
}
const shownCode = (wrapper: VueWrapper) =>
  wrapper.get('[data-testid="pairing-code"]').text().replace(/\s/g, '')
const submitButton = (wrapper: VueWrapper) => key(wrapper, '配对')

async function tap(wrapper: VueWrapper, ...labels: string[]) {
  for (const label of labels) await key(wrapper, label).trigger('click')
}

describe('PairingKeypad', () => {
  it('shows each digit tapped, in order', async () => {
    const { wrapper } = mountKeypad()
    await tap(wrapper, '4', '0', '7')
    expect(shownCode(wrapper)).toBe('407')
    expect(wrapper.get('[data-testid="pairing-code"]').attributes('aria-label')).toBe(
      '配对码，已输入 3 位，共 6 位',
    )
  })

  it('takes back the last digit with backspace, and everything with clear', async () => {
    const { wrapper } = mountKeypad()
    await tap(wrapper, '1', '2', '3', '删除一位')
    expect(shownCode(wrapper)).toBe('12')
    await tap(wrapper, '清空')
    expect(shownCode(wrapper)).toBe('')
    expect(key(wrapper, '删除一位').attributes('disabled')).toBeDefined()
  })

  it('stops at six digits', async () => {
    const { wrapper } = mountKeypad()
    await tap(wrapper, '1', '2', '3', '4', '5', '6', '7', '8')
    expect(shownCode(wrapper)).toBe('123456')
  })

  it('lets the code be submitted only once all six digits are in', async () => {
    const { wrapper, submitted } = mountKeypad()
    await tap(wrapper, '9', '8', '7', '6', '5')
    expect(submitButton(wrapper).attributes('disabled')).toBeDefined()
    await submitButton(wrapper).trigger('click')
    expect(submitted).toEqual([])

    await tap(wrapper, '4')
    expect(submitButton(wrapper).attributes('disabled')).toBeUndefined()
    await submitButton(wrapper).trigger('click')
    expect(submitted).toEqual(['987654'])

    await tap(wrapper, '删除一位')
    expect(submitButton(wrapper).attributes('disabled')).toBeDefined()
  })

  it('accepts a keyboard too: digits, Backspace and Enter', async () => {
    const { wrapper, submitted } = mountKeypad()
    const press = async (key: string) => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key }))
      await wrapper.vm.$nextTick()
    }
    for (const key of [...'1234567', 'Backspace', '0']) await press(key)
    expect(shownCode(wrapper)).toBe('123450')
    await press('Enter')
    expect(submitted).toEqual(['123450'])
  })

  it('ignores every key while locked, e.g. during a check', async () => {
    const { wrapper } = mountKeypad({ disabled: true })
    await tap(wrapper, '1', '2')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '3' }))
    await wrapper.vm.$nextTick()
    expect(shownCode(wrapper)).toBe('')
    expect(key(wrapper, '1').attributes('disabled')).toBeDefined()
  })

  it('is worded in English when the screen is', async () => {
    i18n.global.locale.value = 'en'
    try {
      const { wrapper } = mountKeypad()
      expect(key(wrapper, 'Pair').exists()).toBe(true)
      expect(key(wrapper, 'Delete one digit').exists()).toBe(true)
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
