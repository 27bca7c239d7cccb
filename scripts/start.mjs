// `pnpm start`: build what is missing (turbo skips what is up to date), then run the server in this
// process, so SIGTERM and SIGINT reach it directly.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// turbo from the workspace itself: `npx pnpm start` leaves no pnpm on PATH for child processes.
const build = spawnSync(
  join(root, 'node_modules/.bin/turbo'),
  ['run', 'build', '--output-logs=errors-only'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  },
)
if (build.status !== 0) process.exit(build.status ?? 1)
await import(pathToFileURL(join(root, 'apps/server/dist/main.js')).href)
