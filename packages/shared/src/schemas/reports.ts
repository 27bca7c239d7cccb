import { z } from 'zod'
import { IsoDate, ProjectId } from './common'

export const ReportDailyInput = z.object({ projectId: ProjectId, date: IsoDate })
export type ReportDailyInput = z.infer<typeof ReportDailyInput>
