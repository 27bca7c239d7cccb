import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import {
  completion,
  completionBars,
  completionText,
  figureLabel,
  figureText,
  monthOf,
  parseCount,
} from './target-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

const figures = (n: number) => ({
  visits: n,
  subscriptions: n,
  signings: n,
  signingFen: n * 1_000_000,
  collectionFen: n * 1_000_000,
})

describe('completion of a target', () => {
  it('is the actual over the target, one decimal of a percent', () => {
    expect(completion(17, 20)).toBe(0.85)
    expect(completionText(17, 20)).toBe('85.0%')
    expect(completionText(25, 20)).toBe('125.0%')
    expect(completionText(1, 3)).toBe('33.3%')
  })

  it('says — without a target, or with a target of nothing', () => {
    expect(completionText(5, null)).toBe('—')
    expect(completionText(5, undefined)).toBe('—')
    expect(completionText(5, 0)).toBe('—')
  })
})

describe('figures in the table', () => {
  it('writes money in 万元 and counts with the half a shared sale gives', () => {
    expect(figureText('signingFen', 250_000_000)).toBe('250.00')
    expect(figureText('collectionFen', 125_000_050.5)).toBe('125.00')
    expect(figureText('signings', 1.5)).toBe('1.5')
    expect(figureText('visits', 12)).toBe('12')
  })

  it('heads money with its unit', () => {
    expect(figureLabel('signingFen', t)).toBe('签约额（万元）')
    expect(figureLabel('collectionFen', t, 'yuan')).toBe('回款（元）')
    expect(figureLabel('visits', t)).toBe('来访')
  })

  it('reads a count as a whole number up to 100 000', () => {
    expect(parseCount(' 12 ')).toBe(12)
    expect(parseCount('0')).toBe(0)
    for (const bad of ['', '-1', '1.5', 'abc', '100001']) expect(parseCount(bad), bad).toBeNull()
  })

  it('takes the month of a day', () => {
    expect(monthOf('2026-03-15')).toBe('2026-03')
  })
})

describe('the completion chart', () => {
  it('draws each consultant with a target, leaving out those without one', () => {
    const bars = completionBars(
      [
        { name: '张伟', target: figures(10), actual: figures(8) },
        { name: '李娜', target: null, actual: figures(3) },
        { name: '王芳', target: figures(3), actual: figures(1) },
      ],
      'signings',
    )
    expect(bars).toEqual({ names: ['张伟', '王芳'], percents: [80, 33.3] })
  })
})
