import { afterEach, describe, expect, it } from 'vitest'
import { createTestOffice, type TestOffice } from '../../testing'

let office: TestOffice | undefined
afterEach(() => office?.world.close())

const WAN = 1_000_000

describe('reports.today', () => {
  it('counts the day so far, who waits and receives now, and what waits on the managers', async () => {
    const o = (office = await createTestOffice())
    const { world, project, manager, team } = o
    const [c1] = team as [(typeof team)[0]]
    const m = world.asUser(manager)
    await o.signIn(c1)
    await o.checkIn('13800138001', { partySize: 2 })
    o.tick()
    // Nobody else is free: the second visitor waits, and so does the call after them.
    await o.checkIn('13800138002')
    o.tick()
    await m.reception.startCall({ projectId: project.id, phone: '13800138003' })
    const today = await m.reports.today({ projectId: project.id })
    expect(today).toMatchObject({
      date: '2026-03-02',
      traffic: { first: { parties: 2, persons: 3 }, returning: { parties: 0 }, calls: 1, visits: 2 },
      waiting: 2,
      receiving: 1,
      onDuty: 1,
      subscriptions: { count: 0 },
      collection: { inFen: 0 },
      month: { targets: null },
      waitingOnYou: { appeals: 0, conflicts: 0, approvals: 0 },
    })
  })

  it('sends the figures again after a check-in and after a write that is not the floor’s (a target set)', async () => {
    const o = (office = await createTestOffice())
    const { world, project, manager, team } = o
    const director = await world.createUser({ role: 'director', projectIds: [project.id], name: '周总' })
    await o.signIn(team[0]!)
    const stream = await world.asUser(manager).reports.onToday({ projectId: project.id })
    const it = stream[Symbol.asyncIterator]()
    expect((await it.next()).value).toMatchObject({ traffic: { visits: 0 } })

    await o.checkIn('13800138001')
    expect((await it.next()).value).toMatchObject({ traffic: { visits: 1 }, receiving: 1 })

    await world.asUser(director).targets.set({
      projectId: project.id,
      month: '2026-03',
      visits: 100,
      subscriptions: 10,
      signings: 10,
      signingFen: 2_000 * WAN,
      collectionFen: 1_000 * WAN,
    })
    const next = (await it.next()).value as { month: { targets: { completion: { visits: number } } } }
    expect(next.month.targets.completion.visits).toBe(0.01)
    await it.return?.()
  })

  it('shows the same day as the daily report’s day column: one definition for both', async () => {
    const o = (office = await createTestOffice())
    const m = o.world.asUser(o.manager)
    await o.signIn(o.team[0]!, o.team[1]!)
    await o.checkIn('13800138001', { partySize: 3 })
    o.tick()
    await o.checkIn('13800138002')
    await m.projects.updateSettings({
      projectId: o.project.id,
      settings: { reports: { visitUnit: 'person' } },
    })
    const today = await m.reports.today({ projectId: o.project.id })
    const sheet = await m.reports.sheet({ projectId: o.project.id, date: today.date })
    expect(today.traffic).toEqual(sheet.periods.day.traffic)
    expect(today.traffic.visits).toBe(4) // persons, as the project now counts
    expect(today.subscriptions).toEqual(sheet.periods.day.subscriptions.total)
    expect(today.collection).toEqual(sheet.periods.day.collection)
  })

  it('is the managers’: a consultant and an assistant are refused', async () => {
    const o = (office = await createTestOffice())
    const assistant = await o.world.createUser({
      role: 'assistant',
      projectIds: [o.project.id],
      name: '孙助理',
    })
    for (const who of [o.team[0]!, assistant])
      await expect(o.world.asUser(who).reports.today({ projectId: o.project.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
  })
})
