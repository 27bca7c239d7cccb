export * from './types'
export * from './engine'
export * from './board'
export * from './notices'
