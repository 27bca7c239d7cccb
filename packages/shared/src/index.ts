import { configureZodMessages } from './i18n/validation'

configureZodMessages()

export * from './enums'
export * from './errors'
export * from './phone'
export * from './settings'
export * from './i18n/locale'
export * from './i18n/fields'
export * from './i18n/messages'
export * from './i18n/validation'
export * from './schemas/common'
export * from './schemas/auth'
export * from './schemas/projects'
export * from './schemas/devices'
export * from './schemas/audit'
