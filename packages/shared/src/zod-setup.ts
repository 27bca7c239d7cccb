import { configureZodMessages } from './i18n/validation'

// Runs after zod-jitless.ts (see there why that one must come first and alone).
configureZodMessages()
