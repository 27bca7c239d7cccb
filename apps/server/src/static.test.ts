/**
 * The built apps as a browser fetches them: the precompressed copies the build wrote, chosen by
 * Accept-Encoding, with long-lived caching for hashed assets and none for the pages.
 */
import { request } from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type Running } from './test-server'

const root = mkdtempSync(join(tmpdir(), 'anchang-static-'))
const script = `console.log(${JSON.stringify('看板'.repeat(2000))})\n`
let server: Running

beforeAll(async () => {
  for (const app of ['admin', 'kiosk']) {
    const dist = join(root, `apps/${app}/dist`)
    mkdirSync(join(dist, 'assets'), { recursive: true })
    writeFileSync(join(dist, 'index.html'), `<!doctype html><title>${app}</title>`)
    writeFileSync(join(dist, 'assets/app-1a2b3c.js'), script)
    writeFileSync(join(dist, 'assets/app-1a2b3c.js.br'), brotliCompressSync(script))
    writeFileSync(join(dist, 'assets/app-1a2b3c.js.gz'), gzipSync(script))
  }
  writeFileSync(join(root, 'apps/kiosk/dist/board.html'), '<!doctype html><title>board</title>')
  server = await startServer({ repoRoot: root })
})
afterAll(async () => {
  await server.close()
  rmSync(root, { recursive: true, force: true })
})

/** A raw GET: the bytes as sent, undecoded, and the headers. */
function get(
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('the built apps on the wire', () => {
  it.each(['/assets/app-1a2b3c.js', '/kiosk/assets/app-1a2b3c.js'])(
    '%s goes as brotli to a browser that takes it',
    async (path) => {
      const answer = await get(path, 'gzip, deflate, br')
      expect(answer.status).toBe(200)
      expect(answer.headers['content-encoding']).toBe('br')
      expect(String(answer.headers.vary)).toMatch(/accept-encoding/i)
      expect(answer.headers['content-type']).toMatch(/javascript/)
      expect(answer.body.length).toBeLessThan(Buffer.byteLength(script) / 4)
      expect(brotliDecompressSync(answer.body).toString()).toBe(script)
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    },
  )

  it('goes as gzip to a browser without brotli, and as it is to one that takes neither', async () => {
    const gz = await get('/assets/app-1a2b3c.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(script)
    const plain = await get('/assets/app-1a2b3c.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('the pages are never cached, so a new build reaches kiosks on their next reload; deep links reload to their page', async () => {
    for (const [path, title] of [
      ['/', 'admin'],
      ['/floor', 'admin'],
      ['/kiosk/consultant', 'kiosk'],
      ['/board', 'board'],
    ]) {
      const answer = await get(path!, 'br')
      expect(answer.status, path).toBe(200)
      expect(answer.headers['cache-control'], path).toBe('no-cache')
      expect(answer.body.toString(), path).toContain(`<title>${title}</title>`)
    }
  })
})
