import { describe, expect, it } from 'vitest'
import { listFilters, listQuery, parseListQuery, tabsFor } from './customer-list-query'

describe('the customer book’s tabs', () => {
  it('gives a consultant their own customers first, managers the team, everyone the pool and a look-up', () => {
    expect(tabsFor('consultant')).toEqual(['mine', 'pool', 'search'])
    expect(tabsFor('manager')).toEqual(['team', 'pool', 'search'])
    expect(tabsFor('director')).toEqual(['team', 'pool', 'search'])
    expect(tabsFor('assistant')).toEqual(['pool', 'search'])
  })
})

describe('the list in the address', () => {
  it('comes back with the tab and filters it was left with', () => {
    const state = { tab: 'pool', grade: 'A', channel: '网络', followUp: null, q: '王' } as const
    expect(parseListQuery(listQuery(state), 'consultant')).toEqual(state)
    expect(listQuery({ tab: 'mine', grade: null, channel: null, followUp: null, q: ' ' })).toEqual({
      tab: 'mine',
    })
  })

  it('opens the role’s first tab for a tab it cannot open, and drops values that are not filters', () => {
    expect(parseListQuery({ tab: 'team', grade: 'Z', followUp: 'soon' }, 'consultant')).toEqual({
      tab: 'mine',
      grade: null,
      channel: null,
      followUp: null,
      q: '',
    })
    expect(parseListQuery({}, 'manager').tab).toBe('team')
  })
})

describe('the filters sent to the server', () => {
  it('asks for due (or overdue) follow-ups in the owned lists, never in the pool where nobody owns them', () => {
    expect(listFilters({ tab: 'mine', grade: 'B', channel: null, followUp: 'due', q: '' })).toEqual({
      grade: 'B',
      due: true,
    })
    expect(
      listFilters({ tab: 'team', grade: null, channel: '老带新', followUp: 'overdue', q: ' 138 ' }),
    ).toEqual({
      channel: '老带新',
      overdue: true,
      q: '138',
    })
    expect(listFilters({ tab: 'pool', grade: null, channel: null, followUp: 'due', q: '' })).toEqual({})
  })
})
