import type { DeviceServiceContext } from '../context'
import { loadProject } from '../projects/read'

/** What a kiosk or board needs to draw its screens: itself, its project, the channels. */
export function deviceMe({ ctx }: { ctx: DeviceServiceContext }) {
  const { device } = ctx.actor
  const project = loadProject(ctx.db, device.projectId)
  return {
    device,
    project: { id: project.id, code: project.code, name: project.name, timeZone: project.timeZone },
    channels: project.channels,
    /** Which break reasons keep the place, so the kiosk can say so before a consultant picks one. */
    breakKeepsPlace: project.settings.rotation.breakKeepsPlace,
  }
}
