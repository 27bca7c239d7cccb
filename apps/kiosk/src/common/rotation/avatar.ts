/**
 * Consultants have no photos in the system, so each is drawn as a coloured circle with the first
 * character of their name (the surname, for Chinese names). The colour comes from the id, not the
 * name, so two 张 on the same floor still look different, and it never changes between screens.
 */
export function avatarInitial(name: string): string {
  // Array.from splits by code point: a rare character outside the BMP stays whole.
  return Array.from(name.trim())[0] ?? '?'
}

/** A hue in degrees, spread evenly by a small string hash (FNV-1a). */
export function avatarHue(consultantId: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < consultantId.length; i += 1) {
    hash ^= consultantId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % 360
}
