// Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of a built app, once,
// at build time: the server then sends the smallest the browser accepts without compressing on
// every request. Usage: node scripts/precompress.mjs <dist folder>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.ico'])
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

const dist = process.argv[2]
if (!dist) throw new Error('usage: node scripts/precompress.mjs <dist folder>')
let written = 0
for (const path of files(dist)) {
  if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue
  const source = readFileSync(path)
  const br = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
  })
  const gz = gzipSync(source, { level: 9 })
  // A copy that saves nothing would only cost a file read.
  if (br.length < source.length) writeFileSync(`${path}.br`, br)
  if (gz.length < source.length) writeFileSync(`${path}.gz`, gz)
  written += 1
}
console.log(`precompressed ${written} files in ${dist}`)
