/** `kiosk.welcome`: a returning visitor greeted by surname and title, and asked only what the book lacks. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditLog, checkIns, customers } from '@anchang/db'
import { WELCOME_LOOKUPS } from '../../deps'
import { createTestOffice, type TestOffice } from '../../testing'

let office: TestOffice
beforeEach(async () => {
  office = await createTestOffice()
})
afterEach(() => office.world.close())

const welcome = (phone: string) => office.world.asDevice(office.kiosk).kiosk.welcome({ phone })

describe('welcome back at the kiosk', () => {
  it('greets a known visitor as 王先生 and skips what the book holds; a stranger is asked everything', async () => {
    await office.signIn(office.team[0]!)
    await office.checkIn('13800138000', { surname: '王', title: '先生', channel: '网络' })

    expect(await welcome('13800138000')).toEqual({
      greeting: '王先生',
      known: ['surname', 'title', 'channel'],
    })
    expect(await welcome('13900139000')).toEqual({ greeting: null, known: [] })
  })

  it('says nothing more than surname and title, however much the book holds', async () => {
    await office.signIn(office.team[0]!)
    await office.checkIn('13800138000', { surname: '王', title: '先生' })
    office.world.database.db
      .update(customers)
      .set({ fullName: '王建国', notes: '预算 300 万' })
      .where(eq(customers.phone, '13800138000'))
      .run()

    const answer = await welcome('13800138000')
    expect(JSON.stringify(answer)).not.toMatch(/建国|300|13800138000|c1|顾问/)
    expect(answer.greeting).toBe('王先生')
    // No channel on record: the kiosk still asks it.
    expect(answer.known).toEqual(['surname', 'title'])
  })

  it('the check-in after a welcome keeps what the book knows on the visit', async () => {
    await office.signIn(office.team[0]!, office.team[1]!)
    const first = await office.checkIn('13800138000', { surname: '王', title: '先生', channel: '网络' })
    await office.world
      .asUser(office.team[0]!)
      .reception.finish({ receptionId: first.receptionId!, result: 'valid', grade: 'B' })

    await office.checkIn('13800138000', { partySize: 3 })
    const visits = office.world.database.db
      .select()
      .from(checkIns)
      .where(eq(checkIns.phone, '13800138000'))
      .orderBy(checkIns.at)
      .all()
    expect(visits.at(-1)).toMatchObject({ surname: '王', title: '先生', channel: '网络', partySize: 3 })
  })

  it('the project can turn it off: then every visitor is a stranger to the kiosk', async () => {
    await office.signIn(office.team[0]!)
    await office.checkIn('13800138000', { surname: '王', title: '先生' })
    await office.world.asUser(office.manager).projects.updateSettings({
      projectId: office.project.id,
      settings: { ownership: { welcomeBack: false } },
    })
    expect(await welcome('13800138000')).toEqual({ greeting: null, known: [] })
  })

  it('numbers tried one after another, even all at once, meet a stranger once past the limit', async () => {
    await office.signIn(office.team[0]!)
    await office.checkIn('13800138000', { surname: '王', title: '先生' })
    const tries = Array.from({ length: WELCOME_LOOKUPS }, (_, i) => `1390000${String(i).padStart(4, '0')}`)
    await Promise.all(tries.map(welcome))

    expect(await welcome('13800138000')).toEqual({ greeting: null, known: [] })
    // Another kiosk is not held up by this one.
    const other = office.world.createDevice({ projectId: office.project.id, kind: 'kiosk' })
    expect((await office.world.asDevice(other).kiosk.welcome({ phone: '13800138000' })).greeting).toBe(
      '王先生',
    )
    const entries = office.world.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'kiosk.welcome'))
      .all()
    expect(entries).toHaveLength(WELCOME_LOOKUPS + 2)
    expect(entries.map((e) => e.summary).join()).not.toContain('13800138000')
  })
})
