import express, { type Express } from 'express'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The built apps: admin at `/`, kiosk at `/kiosk`, board at `/board`. Every client-side route
 * reloads to its app's page. Hashed assets are cached for good; the pages never, so a new build
 * reaches kiosks on their next reload.
 */
export function mountApps(app: Express, repoRoot: string): void {
  const admin = join(repoRoot, 'apps/admin/dist')
  const kiosk = join(repoRoot, 'apps/kiosk/dist')
  const assetOptions = {
    index: false,
    setHeaders(res: express.Response, path: string) {
      res.setHeader('Cache-Control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  }
  const page = (dir: string, file: string): express.RequestHandler => (_req, res, next) => {
    const path = join(dir, file)
    if (!existsSync(path)) return next()
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(path)
  }

  app.use('/kiosk', express.static(kiosk, assetOptions))
  app.get(['/kiosk', '/kiosk/{*splat}'], page(kiosk, 'index.html'))
  app.get(['/board', '/board/{*splat}'], page(kiosk, 'board.html'))
  app.use(express.static(admin, assetOptions))
  app.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/trpc') || req.path.startsWith('/kiosk/assets')) return next()
    page(admin, 'index.html')(req, res, next)
  })
}
