import { afterEach, describe, expect, it } from 'vitest'
import { failureOf, sentenceOf } from '../../authz-matrix'
import { createTestOffice, type TestOffice, type TestUser } from '../../testing'

let office: TestOffice | undefined
afterEach(() => office?.world.close())

async function openOffice() {
  const o = (office = await createTestOffice())
  const person = (role: TestUser['role'], name: string) =>
    o.world.createUser({ role, projectIds: [o.project.id], name })
  const assistant = o.world.asUser(await person('assistant', '孙助理'))
  const director = o.world.asUser(await person('director', '周总'))
  const manager = o.world.asUser(o.manager)
  return { o, assistant, director, manager, projectId: o.project.id }
}

describe('sign-off and submission of the daily report', () => {
  it('goes prepared → returned with a comment → prepared again → signed off → submitted, each version kept as prepared', async () => {
    const { o, assistant, director, manager, projectId } = await openOffice()
    await o.signIn(o.team[0]!)
    await o.checkIn('13800138001')
    const first = await assistant.reports.prepare({ projectId, date: '2026-03-02', comment: '今日来访 1 组' })
    expect(first.version).toBe(1)
    // A second preparation while the first waits is refused with a sentence.
    expect(sentenceOf(await failureOf(assistant.reports.prepare({ projectId, date: '2026-03-02' })))).toBe(
      '2026-03-02 的日报第 1 版还在等待审核或提交，请先处理它。',
    )
    // Returning needs a comment; then it is returned.
    expect(
      sentenceOf(
        await failureOf(manager.reports.decide({ submissionId: first.submissionId, approve: false })),
      ),
    ).toBe('退回日报时请写明需要修改什么。')
    await manager.reports.decide({ submissionId: first.submissionId, approve: false, comment: '请补充来电' })
    // Submitting a returned report is refused; a second decision too.
    expect(sentenceOf(await failureOf(assistant.reports.submit({ submissionId: first.submissionId })))).toBe(
      '日报须经经理或总监审核通过后才能标记为已提交。',
    )
    expect(
      sentenceOf(
        await failureOf(director.reports.decide({ submissionId: first.submissionId, approve: true })),
      ),
    ).toBe('这份日报已退回，不能再审核。')

    // More happens; the corrected version has it, the first keeps what it had.
    o.tick()
    await o.checkIn('13800138002')
    const second = await assistant.reports.prepare({ projectId, date: '2026-03-02' })
    expect(second.version).toBe(2)
    await director.reports.decide({ submissionId: second.submissionId, approve: true })
    const sent = await assistant.reports.submit({ submissionId: second.submissionId })
    // 10:0x on the day, before the 20:00 deadline.
    expect(sent.late).toBe(false)

    const v1 = await manager.reports.submission({ submissionId: first.submissionId })
    const v2 = await manager.reports.submission({ submissionId: second.submissionId })
    expect(v1).toMatchObject({
      status: 'returned',
      decisionComment: '请补充来电',
      decidedBy: '吴敏',
      comment: '今日来访 1 组',
    })
    expect(v1.sheet.periods.day.traffic.visits).toBe(1)
    expect(v2).toMatchObject({ status: 'submitted', submittedBy: '孙助理', late: false })
    expect(v2.sheet.periods.day.traffic.visits).toBe(2)

    // The month day by day up to today: the 2nd with both versions, the 1st with none and past due.
    const month = await manager.reports.submissions({ projectId, month: '2026-03' })
    expect(month.days.map((d) => [d.date, d.versions.map((v) => v.status), d.overdue])).toEqual([
      ['2026-03-02', ['returned', 'submitted'], false],
      ['2026-03-01', [], true],
    ])
  })

  it('marks a report submitted after the deadline late, and lets one of two preparations at once land', async () => {
    const { o, assistant, manager, projectId } = await openOffice()
    const both = await Promise.allSettled([
      assistant.reports.prepare({ projectId, date: '2026-03-01' }),
      manager.reports.prepare({ projectId, date: '2026-03-01' }),
    ])
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const landed = both.find((r) => r.status === 'fulfilled')!.value
    await manager.reports.decide({ submissionId: landed.submissionId, approve: true })
    // Sunday's report was due on Sunday at 20:00; it is Monday now.
    expect((await assistant.reports.submit({ submissionId: landed.submissionId })).late).toBe(true)
    expect(o.now().toISOString() > '2026-03-01T12:00:00.000Z').toBe(true)
  })

  it('refuses a day that has not come, and a report of another project', async () => {
    const { o, assistant, projectId } = await openOffice()
    expect(sentenceOf(await failureOf(assistant.reports.prepare({ projectId, date: '2026-03-03' })))).toBe(
      '2026-03-03 还没有到，不能准备这一天的日报。',
    )
    const { submissionId } = await assistant.reports.prepare({ projectId, date: '2026-03-02' })
    const other = o.world.createProject()
    const stranger = await o.world.createUser({ role: 'director', projectIds: [other.id], name: '外人' })
    await expect(o.world.asUser(stranger).reports.submission({ submissionId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})
