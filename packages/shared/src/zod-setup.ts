import { z } from 'zod'
import { configureZodMessages } from './i18n/validation'

// Imported first by index.ts, so it runs before any schema is built. Pages forbid eval through their
// CSP; unless told to stay jitless, zod probes for eval with `Function('')` and the browser reports
// the probe as a CSP violation.
z.config({ jitless: true })
configureZodMessages()
