import { describe, expect, it } from 'vitest'
import { boardScreenOf } from './board-screen'

describe('which view a board shows', () => {
  it('is the rotation at /board and anywhere else', () => {
    expect(boardScreenOf({ pathname: '/board', search: '' })).toEqual({ view: 'rotation' })
    expect(boardScreenOf({ pathname: '/board/', search: '?building=1栋' })).toEqual({ view: 'rotation' })
    expect(boardScreenOf({ pathname: '/board/unitsx', search: '' })).toEqual({ view: 'rotation' })
  })

  it('is the unit grid at /board/units, of one building when the address names it', () => {
    expect(boardScreenOf({ pathname: '/board/units', search: '' })).toEqual({ view: 'units', building: null })
    expect(boardScreenOf({ pathname: '/board/units/', search: '?building=' })).toEqual({
      view: 'units',
      building: null,
    })
    expect(
      boardScreenOf({ pathname: '/board/units', search: `?building=${encodeURIComponent('2栋')}` }),
    ).toEqual({ view: 'units', building: '2栋' })
  })
})
