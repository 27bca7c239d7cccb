export * from './users'
export * from './projects'
export * from './devices'
export * from './audit'
