import { describe, expect, it } from 'vitest'
import { pickProjectId } from './project'

describe('the project switcher', () => {
  it('reopens the project chosen last time', () => {
    expect(pickProjectId(['a', 'b'], 'b')).toBe('b')
  })

  it('falls back to the first project when the remembered one is no longer the person’s', () => {
    expect(pickProjectId(['a', 'b'], 'gone')).toBe('a')
    expect(pickProjectId(['a', 'b'], null)).toBe('a')
    expect(pickProjectId([], 'a')).toBeNull()
  })
})
