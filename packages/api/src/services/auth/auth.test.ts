import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TRPCError } from '@trpc/server'
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../../testing'

let world: TestWorld
beforeEach(() => {
  world = createTestWorld()
})
afterEach(() => world.close())

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'OK'
  } catch (error) {
    return error instanceof TRPCError ? error.code : 'THROWN'
  }
}

describe('auth', () => {
  it('signs in with the right password and answers the user with their projects', async () => {
    const project = world.createProject()
    const user = await world.createUser({ role: 'manager', projectIds: [project.id] })
    const result = await world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD })
    expect(result.user).toMatchObject({ id: user.id, role: 'manager' })
    expect(result.user.projects.map((p) => p.id)).toEqual([project.id])
  })

  it('locks a username after 10 failures in a row, even for the right password', async () => {
    const project = world.createProject()
    const user = await world.createUser({ role: 'consultant', projectIds: [project.id] })
    for (let i = 0; i < 10; i++) {
      expect(await codeOf(world.anonymous().auth.login({ username: user.username, password: 'wrong-one' }))).toBe(
        'UNAUTHORIZED',
      )
    }
    expect(await codeOf(world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD }))).toBe(
      'TOO_MANY_REQUESTS',
    )
    world.setNow(new Date('2026-03-02T02:16:00.000Z'))
    expect(await codeOf(world.anonymous().auth.login({ username: user.username, password: TEST_PASSWORD }))).toBe('OK')
  })
})
