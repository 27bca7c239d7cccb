import { z } from 'zod'
import { ROLES } from '../enums'
import { Id, Name } from './common'

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { error: '@username' })
export const Password = z.string().min(8).max(200)

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
})
export type LoginInput = z.infer<typeof LoginInput>

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
})
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>

export const Pin = z.string().regex(/^\d{4,6}$/, { error: '@pin' })

export const StaffCreateInput = z.object({
  username: Username,
  name: Name(40),
  role: z.enum(ROLES),
  password: Password,
  projectIds: z.array(Id).min(1).max(50),
  pin: Pin.optional(),
  /** A channel partner's agency, shown on its reports (required for the `channel` role). */
  agency: Name(60).optional(),
})
export type StaffCreateInput = z.infer<typeof StaffCreateInput>

export const StaffUpdateInput = z.object({
  userId: Id,
  name: Name(40).optional(),
  role: z.enum(ROLES).optional(),
  projectIds: z.array(Id).min(1).max(50).optional(),
  pin: Pin.nullable().optional(),
  agency: Name(60).optional(),
})
export type StaffUpdateInput = z.infer<typeof StaffUpdateInput>

export const StaffResetPasswordInput = z.object({ userId: Id, newPassword: Password })
/** A deactivation may say why (a consultant leaving); the rotation log and the audit keep it. */
export const StaffSetActiveInput = z.object({
  userId: Id,
  active: z.boolean(),
  reason: z.string().trim().min(1).max(200).optional(),
})
