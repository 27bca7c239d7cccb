import { describe, expect, it } from 'vitest'
import { compactSummary, labelledActions, parseAuditAction } from './audit-format'

describe('audit entries', () => {
  it('tells a failed sign-in from a successful one', () => {
    expect(parseAuditAction('auth.login:failed')).toEqual({ path: 'auth.login', failed: true })
    expect(parseAuditAction('staff.create')).toEqual({ path: 'staff.create', failed: false })
  })

  it('shows the input on one line, cut short in the table but whole in the export', () => {
    const summary = { username: 'c7', name: '赵六', password: '***', projectIds: ['p1'] }
    expect(compactSummary(summary)).toBe(
      '{"username":"c7","name":"赵六","password":"***","projectIds":["p1"]}',
    )
    expect(compactSummary(summary, 20)).toBe('{"username":"c7","na…')
    expect(compactSummary(null)).toBe('')
    expect(compactSummary({})).toBe('')
  })

  it('lists the actions that have a readable label', () => {
    expect(
      labelledActions({ auth: { login: '登录', logout: '退出登录' }, staff: { create: '新增员工' } }),
    ).toEqual(['auth.login', 'auth.logout', 'staff.create'])
  })
})
