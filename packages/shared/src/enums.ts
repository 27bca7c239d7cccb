/** `channel`: a partner agency's sign-in for one project, which reports customers and nothing else. */
export const ROLES = ['director', 'manager', 'assistant', 'consultant', 'channel'] as const
export type Role = (typeof ROLES)[number]

/** The brokerage's own people: everyone but a channel partner, who sees nothing of the office. */
export const STAFF_ROLES = [
  'director',
  'manager',
  'assistant',
  'consultant',
] as const satisfies readonly Role[]
export const isStaff = (role: Role): boolean => role !== 'channel'

export const DEVICE_KINDS = ['kiosk', 'board'] as const
export type DeviceKind = (typeof DEVICE_KINDS)[number]

/** Roles that run the floor: override the rotation, pair devices, manage staff. */
const MANAGING_ROLES: readonly Role[] = ['director', 'manager']

export function isManaging(role: Role): boolean {
  return MANAGING_ROLES.includes(role)
}

/** Which roles a person of `role` may create, reset or deactivate. */
export function canManageRole(actor: Role, target: Role): boolean {
  if (actor === 'director') return true
  if (actor === 'manager') return target === 'assistant' || target === 'consultant' || target === 'channel'
  return false
}
