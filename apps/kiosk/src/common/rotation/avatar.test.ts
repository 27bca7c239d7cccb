import { describe, expect, it } from 'vitest'
import { avatarHue, avatarInitial } from './avatar'

describe('consultant avatar', () => {
  it('shows the first character of the name', () => {
    expect(avatarInitial('张伟')).toBe('张')
    expect(avatarInitial('  Li Na')).toBe('L')
    expect(avatarInitial('𠀋一')).toBe('𠀋')
    expect(avatarInitial('')).toBe('?')
  })

  it('gives each consultant a lasting colour of their own', () => {
    // The same colour on every screen and after every reload or release: pinned, not recomputed.
    expect(avatarHue('user-1')).toBe(220)
    const hues = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => avatarHue(`consultant-${id}`)))
    expect(hues.size).toBe(6)
    for (const hue of hues) expect(hue).toBeGreaterThanOrEqual(0)
    for (const hue of hues) expect(hue).toBeLessThan(360)
  })
})
