import { describe, expect, it } from 'vitest'
import { applySettingsPatch, DEFAULT_SETTINGS, ProjectSettingsPatch, resolveSettings } from './index'

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

describe('resolveSettings', () => {
  it('gives a project that changed nothing the defaults', () => {
    expect(resolveSettings({})).toEqual(DEFAULT_SETTINGS)
    expect(resolveSettings(null)).toEqual(DEFAULT_SETTINGS)
  })

  it('lays what a project stored over the defaults', () => {
    const settings = resolveSettings({
      rotation: { undoWindowMinutes: 5 },
      ownership: { protectionDays: 60 },
    })
    expect(settings.rotation).toEqual({ ...DEFAULT_SETTINGS.rotation, undoWindowMinutes: 5 })
    expect(settings.ownership).toEqual({ ...DEFAULT_SETTINGS.ownership, protectionDays: 60 })
  })

  it('keeps a project’s stored settings when a later version adds a break reason or a grade', () => {
    // What updateSettings stored before the new keys existed: the whole settings minus the new key.
    const stored = clone(DEFAULT_SETTINGS) as {
      rotation: Record<string, unknown>
      ownership: Record<string, unknown>
    }
    stored.rotation.undoWindowMinutes = 7
    stored.ownership.protectionDays = 90
    delete (stored.rotation.breakKeepsPlace as Record<string, boolean>).private
    delete (stored.ownership.followUpDays as Record<string, number>).C
    const settings = resolveSettings(stored)
    expect(settings.rotation.undoWindowMinutes).toBe(7)
    expect(settings.ownership.protectionDays).toBe(90)
    expect(settings.rotation.breakKeepsPlace.private).toBe(DEFAULT_SETTINGS.rotation.breakKeepsPlace.private)
  })
})

describe('ProjectSettingsPatch', () => {
  it('accepts one break reason or one grade alone, as the settings page sends them', () => {
    expect(ProjectSettingsPatch.safeParse({ rotation: { breakKeepsPlace: { lunch: false } } }).success).toBe(
      true,
    )
    expect(ProjectSettingsPatch.safeParse({ ownership: { followUpDays: { A: 2 } } }).success).toBe(true)
  })

  it('refuses values out of range', () => {
    expect(ProjectSettingsPatch.safeParse({ rotation: { undoWindowMinutes: 61 } }).success).toBe(false)
    expect(ProjectSettingsPatch.safeParse({ ownership: { onBehalfOwnerSharePercent: 101 } }).success).toBe(
      false,
    )
    expect(ProjectSettingsPatch.safeParse({ ownership: { protectionDays: 0 } }).success).toBe(false)
  })
})

describe('applySettingsPatch', () => {
  it('merges nested maps key by key', () => {
    const settings = applySettingsPatch(DEFAULT_SETTINGS, {
      rotation: { breakKeepsPlace: { lunch: false } as never },
      ownership: { followUpDays: { A: 1 } as never },
    })
    expect(settings.rotation.breakKeepsPlace).toEqual({
      ...DEFAULT_SETTINGS.rotation.breakKeepsPlace,
      lunch: false,
    })
    expect(settings.ownership.followUpDays).toEqual({ A: 1, B: 7, C: 15 })
  })

  it('leaves the defaults themselves untouched', () => {
    const before = clone(DEFAULT_SETTINGS)
    applySettingsPatch(DEFAULT_SETTINGS, {
      rotation: { undoWindowMinutes: 9 },
      ownership: { protectionDays: 3 },
    })
    expect(DEFAULT_SETTINGS).toEqual(before)
  })
})
