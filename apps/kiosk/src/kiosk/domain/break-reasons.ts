import type { BreakReason, ProjectSettings } from '@anchang/shared'

/**
 * Why a consultant steps away, and whether the reason keeps their place in the queue: the default
 * of the project setting `rotation.breakKeepsPlace` (DEFAULT_SETTINGS in
 * packages/shared/src/settings.ts, copied because that module brings zod into the kiosk's first
 * load; the type makes sure every reason there is listed here). It stands until `devices.me`
 * brings the project's own choice.
 */
export const BREAK_KEEPS_PLACE: ProjectSettings['rotation']['breakKeepsPlace'] = {
  lunch: true,
  restroom: true,
  errand: true,
  customer: true,
  leave: false,
  private: false,
}

/** In the order the kiosk offers them: the reasons that keep the place first. */
export const BREAK_REASONS = Object.keys(BREAK_KEEPS_PLACE) as BreakReason[]
