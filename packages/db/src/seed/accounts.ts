import type { Role } from '@anchang/shared'
import { hashPassword, hashPin, newId } from '../crypto'
import type { Db } from '../client'
import { channels, projectMembers, projects, users } from '../schema/index'

/** CONTRACT.md, "Demo data": the same for both seeds. */
export const DEMO_PASSWORD = 'demo1234'
export const DEMO_PROJECT = { code: 'DEMO', name: '思源·示范项目', timeZone: 'Asia/Shanghai' }
export const DEMO_CHANNELS = ['自然来访', '老带新', '朋友介绍', '网络', '户外广告', '中介渠道']
export const DEMO_PEOPLE: { username: string; name: string; role: Role; pin?: string }[] = [
  { username: 'director', name: '周建国', role: 'director' },
  { username: 'manager', name: '吴敏', role: 'manager' },
  { username: 'assistant', name: '郑丽', role: 'assistant' },
  { username: 'c1', name: '张伟', role: 'consultant', pin: '1001' },
  { username: 'c2', name: '李娜', role: 'consultant', pin: '1002' },
  { username: 'c3', name: '王芳', role: 'consultant', pin: '1003' },
  { username: 'c4', name: '刘洋', role: 'consultant', pin: '1004' },
  { username: 'c5', name: '陈静', role: 'consultant', pin: '1005' },
  { username: 'c6', name: '杨磊', role: 'consultant', pin: '1006' },
]

export interface SeededAccounts {
  projectId: string
  userIds: Record<string, string>
}

export async function seedAccounts(db: Db, now: Date): Promise<SeededAccounts> {
  const at = now.toISOString()
  // Hash before the transaction: scrypt is asynchronous and the transaction is not.
  const passwordHashes = await Promise.all(DEMO_PEOPLE.map(() => hashPassword(DEMO_PASSWORD)))
  const projectId = newId()
  const userIds: Record<string, string> = {}
  db.transaction((tx) => {
    tx.insert(projects)
      .values({ id: projectId, ...DEMO_PROJECT, settings: {}, createdAt: at })
      .run()
    tx.insert(channels)
      .values(DEMO_CHANNELS.map((name, i) => ({ id: newId(), projectId, name, sortOrder: i + 1 })))
      .run()
    DEMO_PEOPLE.forEach((person, i) => {
      const id = newId()
      userIds[person.username] = id
      tx.insert(users)
        .values({
          id,
          username: person.username,
          name: person.name,
          role: person.role,
          passwordHash: passwordHashes[i]!,
          pinHash: person.pin ? hashPin(person.pin) : null,
          createdAt: at,
          updatedAt: at,
        })
        .run()
      tx.insert(projectMembers).values({ projectId, userId: id, joinedAt: at }).run()
    })
  })
  return { projectId, userIds }
}
