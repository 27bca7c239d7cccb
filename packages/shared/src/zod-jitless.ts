import { z } from 'zod'

// Imported first by index.ts and importing nothing else, so it runs before any schema is built: zod
// decides at construction whether an object schema may compile itself, and without this it probes
// for eval with `Function('')`, which the pages' CSP forbids and the browser reports as a violation.
z.config({ jitless: true })
