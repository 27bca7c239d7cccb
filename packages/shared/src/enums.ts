export const ROLES = ['director', 'manager', 'assistant', 'consultant'] as const
export type Role = (typeof ROLES)[number]

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
  if (actor === 'manager') return target === 'assistant' || target === 'consultant'
  return false
}
