// Node 20 cannot run TypeScript: the server and the workspace packages it imports are bundled into
// one file, and the checkpoint thread (packages/db) into a second, which the server starts as a
// worker. better-sqlite3 stays outside the bundle because it loads a compiled addon, and exceljs
// (read only when a spreadsheet is imported) because its CommonJS loads parts of itself lazily.
import { build } from 'esbuild'

await build({
  entryPoints: { main: 'src/main.ts', 'checkpoint-worker': '../../packages/db/src/checkpoint-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3', 'exceljs'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
})
