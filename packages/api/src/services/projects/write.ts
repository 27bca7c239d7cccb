import { and, eq } from 'drizzle-orm'
import { channels, newId, projectMembers, projects, type DbOrTx } from '@anchang/db'
import {
  applySettingsPatch,
  fail,
  isPrivateWebhookUrl,
  isTimeZone,
  resolveSettings,
  type ProjectCreateInput,
  type ProjectSettingsUpdateInput,
  type ProjectUpdateInput,
} from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { loadProject, projectView } from './read'
import { configOf, recomputeFollowUpDue } from '../customers/book'
import { offerWaitingLine } from '../rotation/cleared'

function assertChannelsDistinct(names: string[]): void {
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) fail('BAD_REQUEST', 'project.channelDuplicate', { channel: name })
    seen.add(name)
  }
}

/**
 * Makes the list the project's active channels, in order. A channel dropped from the list is
 * kept inactive, because past visits still name it.
 */
function writeChannels(tx: DbOrTx, projectId: string, names: string[]): void {
  const existing = tx.select().from(channels).where(eq(channels.projectId, projectId)).all()
  tx.update(channels).set({ active: false }).where(eq(channels.projectId, projectId)).run()
  names.forEach((name, i) => {
    const row = existing.find((c) => c.name === name)
    if (row) {
      tx.update(channels)
        .set({ active: true, sortOrder: i + 1 })
        .where(eq(channels.id, row.id))
        .run()
    } else {
      tx.insert(channels)
        .values({ id: newId(), projectId, name, sortOrder: i + 1 })
        .run()
    }
  })
}

/** A director opens a project and becomes its first member. */
export function createProject({ ctx, input }: { ctx: UserServiceContext; input: ProjectCreateInput }) {
  if (!isTimeZone(input.timeZone)) fail('BAD_REQUEST', 'project.timeZone', { timeZone: input.timeZone })
  assertChannelsDistinct(input.channels)
  if (ctx.db.select({ id: projects.id }).from(projects).where(eq(projects.code, input.code)).get()) {
    fail('CONFLICT', 'project.codeTaken', { code: input.code })
  }
  const id = newId()
  const at = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    tx.insert(projects)
      .values({
        id,
        code: input.code,
        name: input.name,
        timeZone: input.timeZone,
        settings: {},
        createdAt: at,
      })
      .run()
    writeChannels(tx, id, input.channels)
    tx.insert(projectMembers).values({ projectId: id, userId: ctx.actor.user.id, joinedAt: at }).run()
    audit(tx, ctx, 'projects.create', { projectId: id, input })
  })
  return { id }
}

export function updateProject({ ctx, input }: { ctx: UserServiceContext; input: ProjectUpdateInput }) {
  const project = loadProject(ctx.db, input.projectId)
  if (input.timeZone && !isTimeZone(input.timeZone))
    fail('BAD_REQUEST', 'project.timeZone', { timeZone: input.timeZone })
  if (input.channels) assertChannelsDistinct(input.channels)
  if (input.webhookUrl && !ctx.deps.config.allowPrivateWebhooks && isPrivateWebhookUrl(input.webhookUrl)) {
    fail('BAD_REQUEST', 'project.webhookPrivate')
  }
  ctx.db.transaction((tx) => {
    tx.update(projects)
      .set({
        name: input.name ?? project.name,
        timeZone: input.timeZone ?? project.timeZone,
        webhookUrl: input.webhookUrl === undefined ? project.webhookUrl : input.webhookUrl,
      })
      .where(eq(projects.id, project.id))
      .run()
    if (input.channels) writeChannels(tx, project.id, input.channels)
    audit(tx, ctx, 'projects.update', { projectId: project.id, input })
  })
  ctx.deps.rotation.projectChanged(project.id, ctx.now)
  return projectView(ctx, project.id)
}

/** Stores the whole resolved settings, so later changes to defaults do not silently change a project. */
export async function updateSettings({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: ProjectSettingsUpdateInput
}) {
  const row = ctx.db
    .select({ settings: projects.settings })
    .from(projects)
    .where(and(eq(projects.id, input.projectId)))
    .get()
  if (!row) fail('NOT_FOUND', 'project.notFound')
  const before = resolveSettings(row.settings)
  const settings = applySettingsPatch(before, input.settings)
  const cadenceChanged =
    JSON.stringify(before.ownership.followUpDays) !== JSON.stringify(settings.ownership.followUpDays)
  ctx.db.transaction((tx) => {
    tx.update(projects).set({ settings }).where(eq(projects.id, input.projectId)).run()
    // The book keeps each customer's due day; a new cadence moves it for every protected customer.
    if (cadenceChanged)
      recomputeFollowUpDue(tx, input.projectId, settings, configOf(ctx, input.projectId).timeZone, ctx.now)
    audit(tx, ctx, 'projects.updateSettings', { projectId: input.projectId, input })
  })
  // Today's rotation log records the new settings, so replaying the day applies each rule as it stood.
  const hub = ctx.deps.rotation
  hub.projectChanged(input.projectId, ctx.now)
  // Nobody is kept out any more, or not the same people: a free consultant takes the waiting line.
  if (before.rotation.overdueFollowUpsBlock || cadenceChanged)
    await offerWaitingLine(hub, input.projectId, ctx.now, null)
  return settings
}
