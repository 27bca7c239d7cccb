import { describe, expect, it } from 'vitest'
import { h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { NCard, NModal } from 'naive-ui'
import { levelCardHeadings } from './card-headings'

levelCardHeadings()

describe('card and dialog titles', () => {
  it('are one heading with a level, the bar around them a plain box', () => {
    const wrapper = mount(() => h(NCard, { title: '团队日结', closable: true }, () => '内容'))
    const headings = wrapper.findAll('[role="heading"]')
    expect(headings).toHaveLength(1)
    expect(headings[0]!.attributes('aria-level')).toBe('2')
    expect(headings[0]!.text()).toBe('团队日结')
    expect(wrapper.find('.n-card-header').attributes('role')).toBe('none')
  })

  it('hold in a card-preset dialog too, and after it renders again', async () => {
    const wrapper = mount(
      {
        props: { title: String },
        setup: (props: { title?: string }) => () =>
          h(NModal, { show: true, preset: 'card', title: props.title }, () => '内容'),
      },
      { props: { title: '修改密码' }, attachTo: document.body },
    )
    await nextTick()
    await wrapper.setProps({ title: '重置密码' })
    const headings = document.body.querySelectorAll('[role="heading"]')
    expect(headings).toHaveLength(1)
    expect(headings[0]!.getAttribute('aria-level')).toBe('2')
    expect(headings[0]!.textContent).toBe('重置密码')
    wrapper.unmount()
  })
})
