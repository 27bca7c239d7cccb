import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const RANDOM_BYTES = 12
let pool = Buffer.alloc(0)
let offset = 0

/**
 * Ids are the creation time in milliseconds (12 hex digits) and 96 random bits: unguessable, they
 * never reveal how many rows exist, and they sort by time. The time prefix matters for the disk:
 * each table's primary-key index then grows at its end, so a commit writes a few pages, where
 * random keys dirtied a page per row all over the index. Random bytes are drawn 4 KB at a time: a
 * check-in takes three ids, and one system call each would show in profiles.
 */
export function newId(now = Date.now()): string {
  if (offset + RANDOM_BYTES > pool.length) {
    pool = randomBytes(4096)
    offset = 0
  }
  offset += RANDOM_BYTES
  return (
    now.toString(16).padStart(12, '0') + pool.subarray(offset - RANDOM_BYTES, offset).toString('base64url')
  )
}

/** A long random bearer secret (session cookie, device token). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Long random tokens need no slow hash: SHA-256 is enough and keeps every request cheap. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export function newPairingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

export function hashPin(pin: string): string {
  return sha256(`anchang-pin:${pin}`)
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 }

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/** `scrypt$N$r$p$salt$hash`, so the parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const { N, r, p, keylen } = SCRYPT
  const key = await scryptAsync(password, salt, keylen, { N, r, p, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  })
  return timingSafeEqual(key, expected)
}

/** A hash to compare against when the username is unknown, so timing does not reveal which usernames exist. */
export const DUMMY_PASSWORD_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + Buffer.alloc(64).toString('base64url')
