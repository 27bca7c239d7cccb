import { z } from 'zod'
import { normalizePhone } from '../phone'

export const Id = z.string().min(1).max(64)
export const ProjectId = Id

/** A mainland mobile number, normalised to 11 digits. */
export const Phone = z
  .string()
  .max(32, { error: '@phone' })
  .transform((raw, ctx) => {
    const phone = normalizePhone(raw)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: '@phone' })
      return z.NEVER
    }
    return phone
  })

/** True for `YYYY-MM-DD` naming a day that exists (no 2026-02-30, no 0000-00-00). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export const IsoDate = z.string().refine(isCalendarDate, { error: '@date' })

/** Characters no one types on purpose: controls, and the invisible marks that reorder or hide text. */
const HIDDEN_MARKS = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/
const CONTROLS = /\p{Cc}/u
/** Any control character but line feed, carriage return and tab. */
const CONTROLS_BUT_LINES = /[^\P{Cc}\n\r\t]/u

/** A name on one line (a person, a project, a channel, a screen): trimmed, bounded, nothing hidden. */
export const Name = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROLS.test(s) && !HIDDEN_MARKS.test(s), { error: '@plainName' })

/** A name that may be left blank (a visitor's surname): blank is the same as not given. */
export const OptionalName = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROLS.test(s) && !HIDDEN_MARKS.test(s), { error: '@plainName' })
    .transform((s) => s || undefined)

/** Free text a person typed (a note, a reason): trimmed, bounded, lines and tabs allowed, nothing hidden. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROLS_BUT_LINES.test(s) && !HIDDEN_MARKS.test(s), { error: '@plainText' })
export const RequiredText = (max: number) => Text(max).pipe(z.string().min(1))

export const ProjectScoped = z.object({ projectId: ProjectId })
