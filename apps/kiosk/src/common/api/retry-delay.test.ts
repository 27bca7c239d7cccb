import { describe, expect, it } from 'vitest'
import { retryDelay } from './retry-delay'

describe('retryDelay', () => {
  it('doubles from one second and never waits longer than thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(retryDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ])
  })
})
