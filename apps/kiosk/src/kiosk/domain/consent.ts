import type { CONSENT_VERSION as SHARED_CONSENT_VERSION } from '@anchang/shared'

/**
 * The privacy notice's version, sent with every check-in (CONTRACT.md, `consentVersion`). The source
 * is `CONSENT_VERSION` in packages/shared/src/schemas/rotation.ts; it is copied because importing it
 * would pull zod into the kiosk's first load. The type ties the copy to the source: when the notice
 * changes there, this line stops compiling until the text on the privacy screen and this are updated.
 */
export const CONSENT_VERSION: typeof SHARED_CONSENT_VERSION = '2026-11'
