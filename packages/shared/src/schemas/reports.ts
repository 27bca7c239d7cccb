import { z } from 'zod'
import { IsoDate, ProjectId } from './common'

export const ReportDailyInput = z.object({ projectId: ProjectId, date: IsoDate })
export type ReportDailyInput = z.infer<typeof ReportDailyInput>

/** `reports.sheet`: the daily report of one project-local day, in the layout sent to the client. */
export const ReportSheetInput = z.object({ projectId: ProjectId, date: IsoDate })
export type ReportSheetInput = z.infer<typeof ReportSheetInput>
