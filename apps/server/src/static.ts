import type express from 'express'
import type { Express } from 'express'
import expressStaticGzip from 'express-static-gzip'
import { existsSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'

/**
 * The built apps: admin at `/`, kiosk at `/kiosk`, board at `/board`. Every client-side route
 * reloads to its app's page. Hashed assets are cached for good; the pages never, so a new build
 * reaches kiosks on their next reload. Files are sent as the brotli or gzip copies the build wrote
 * beside them (scripts/precompress.mjs) when the browser accepts one.
 */
export function mountApps(app: Express, repoRoot: string): void {
  const admin = join(repoRoot, 'apps/admin/dist')
  const kiosk = join(repoRoot, 'apps/kiosk/dist')
  const files = (dir: string) =>
    expressStaticGzip(dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders(res: ServerResponse, path: string) {
          res.setHeader(
            'Cache-Control',
            /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
        },
      },
    })
  const page =
    (dir: string, file: string): express.RequestHandler =>
    (_req, res, next) => {
      const path = join(dir, file)
      if (!existsSync(path)) return next()
      res.setHeader('Cache-Control', 'no-cache')
      res.sendFile(path)
    }

  app.use('/kiosk', files(kiosk))
  app.get(['/kiosk', '/kiosk/{*splat}'], page(kiosk, 'index.html'))
  app.get(['/board', '/board/{*splat}'], page(kiosk, 'board.html'))
  app.use(files(admin))
  app.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/trpc') || req.path.startsWith('/kiosk/assets')) return next()
    page(admin, 'index.html')(req, res, next)
  })
}
