import { existsSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { SEEDS } from '@anchang/db'

/** The repository root: the nearest folder upwards holding pnpm-workspace.yaml (works from src and dist). */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
  return dir
}

const Flag = z
  .enum(['0', '1', 'true', 'false'])
  .default('0')
  .transform((v) => v === '1' || v === 'true')

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DB_FILE: z.string().min(1).default('data/anchang.db'),
  SEED: z.enum(SEEDS).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(720),
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (client address, HTTPS). */
  TRUST_PROXY: Flag,
  /** Webhook URLs may point at loopback or private addresses (a group robot on the office's own network). */
  WEBHOOK_ALLOW_PRIVATE: Flag,
})

export type ServerEnv = z.infer<typeof Env> & { repoRoot: string; dbFile: string }

/** Configuration is read and checked here, once; nothing else reads process.env. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = Env.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  const repoRoot = findRepoRoot()
  const dbFile =
    parsed.data.DB_FILE === ':memory:' || isAbsolute(parsed.data.DB_FILE)
      ? parsed.data.DB_FILE
      : resolve(repoRoot, parsed.data.DB_FILE)
  return { ...parsed.data, repoRoot, dbFile }
}
