import { and, asc, eq, inArray } from 'drizzle-orm'
import { channels, projects, type DbOrTx } from '@anchang/db'
import { fail, isManaging, maskWebhookUrl, resolveSettings } from '@anchang/shared'
import type { UserServiceContext } from '../context'

/** The project's active channels, in the order the kiosk shows them. */
export function activeChannels(db: DbOrTx, projectId: string): string[] {
  return db
    .select({ name: channels.name })
    .from(channels)
    .where(and(eq(channels.projectId, projectId), eq(channels.active, true)))
    .orderBy(asc(channels.sortOrder))
    .all()
    .map((c) => c.name)
}

export function loadProject(db: DbOrTx, projectId: string) {
  const row = db.select().from(projects).where(eq(projects.id, projectId)).get()
  if (!row) fail('NOT_FOUND', 'project.notFound')
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timeZone: row.timeZone,
    webhookUrl: row.webhookUrl,
    settings: resolveSettings(row.settings),
    channels: activeChannels(db, row.id),
    createdAt: row.createdAt,
  }
}

/**
 * The project as its people read it. The webhook URL is a group robot's secret key: managers and
 * directors see that one is set and a masked form to recognise it; nobody reads it back.
 */
export function projectView(
  ctx: UserServiceContext,
  projectId: string,
): Omit<ReturnType<typeof loadProject>, 'webhookUrl'> & { webhook?: { masked: string } | null } {
  const { webhookUrl, ...project } = loadProject(ctx.db, projectId)
  if (!isManaging(ctx.actor.user.role)) return project
  return { ...project, webhook: webhookUrl ? { masked: maskWebhookUrl(webhookUrl) } : null }
}

export function listMyProjects({ ctx }: { ctx: UserServiceContext }) {
  const ids = ctx.actor.projectIds
  if (!ids.length) return []
  return ctx.db
    .select({ id: projects.id, code: projects.code, name: projects.name, timeZone: projects.timeZone })
    .from(projects)
    .where(inArray(projects.id, ids))
    .orderBy(asc(projects.code))
    .all()
}

export function getProject({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string } }) {
  return projectView(ctx, input.projectId)
}
