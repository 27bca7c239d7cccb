import { z } from 'zod'
import { ProjectSettingsPatch } from '../settings'
import { Name, ProjectId } from './common'

export const ProjectCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9-]{2,16}$/, { error: '@projectCode' })
export const TimeZone = z.string().trim().min(1).max(64)
export const Channels = z.array(Name(20)).min(1).max(30)
export const WebhookUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/, { error: '@url' })

export const ProjectCreateInput = z.object({
  code: ProjectCode,
  name: Name(60),
  timeZone: TimeZone.default('Asia/Shanghai'),
  channels: Channels,
})
export type ProjectCreateInput = z.infer<typeof ProjectCreateInput>

export const ProjectUpdateInput = z.object({
  projectId: ProjectId,
  name: Name(60).optional(),
  timeZone: TimeZone.optional(),
  channels: Channels.optional(),
  webhookUrl: WebhookUrl.nullable().optional(),
})
export type ProjectUpdateInput = z.infer<typeof ProjectUpdateInput>

export const ProjectSettingsUpdateInput = z.object({ projectId: ProjectId, settings: ProjectSettingsPatch })
export type ProjectSettingsUpdateInput = z.infer<typeof ProjectSettingsUpdateInput>

/** True when the runtime knows the IANA zone, e.g. `Asia/Shanghai`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
