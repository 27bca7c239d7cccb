import { describe, expect, it } from 'vitest'
import { fill, pickLocale } from '../index'

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-GB', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en;q=0.5, zh;q=0.8', 'zh-CN'],
    ['zh;q=0.3, en;q=0.7', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr-FR, de', 'zh-CN'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['*', 'zh-CN'],
  ])('Accept-Language %j → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale)
  })
})

describe('fill', () => {
  it('fills the placeholders it has values for and leaves the others visible', () => {
    expect(fill('请 {minutes} 分钟后再试，{who}', { minutes: 15 })).toBe('请 15 分钟后再试，{who}')
  })
})
