// The kiosk's first paint must not wait on much JavaScript: kiosks are cheap tablets on office
// Wi-Fi. Sums, gzipped, the entry script of each page and every chunk it preloads, prints it, and
// fails the build past the budget.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = { 'index.html': 150 * 1024, 'board.html': 150 * 1024 }
const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist')

let over = false
for (const [page, budget] of Object.entries(BUDGET_BYTES)) {
  const html = readFileSync(join(dist, page), 'utf8')
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/kiosk\/([^"]+\.js)"/g),
  ].map((match) => match[1])
  let total = 0
  for (const file of new Set(scripts)) {
    const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
    total += size
    console.log(`  ${page}  ${file}  ${(size / 1024).toFixed(1)} KB gzipped`)
  }
  const verdict = total > budget ? 'OVER BUDGET' : 'within budget'
  console.log(
    `${page}: initial JavaScript ${(total / 1024).toFixed(1)} KB gzipped (budget ${budget / 1024} KB, ${verdict})`,
  )
  if (total > budget) over = true
}
if (over) process.exit(1)
