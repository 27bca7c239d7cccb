import { z } from 'zod'
import { Id, IsoDate, ProjectId, Text } from './common'
import { Month } from './deals'

export const ReportDailyInput = z.object({ projectId: ProjectId, date: IsoDate })
export type ReportDailyInput = z.infer<typeof ReportDailyInput>

/** `reports.sheet`: the daily report of one project-local day, in the layout sent to the client. */
export const ReportSheetInput = z.object({ projectId: ProjectId, date: IsoDate })
export type ReportSheetInput = z.infer<typeof ReportSheetInput>

/** Sign-off and submission of the daily report (the assistant's duty in the manual). */
export const ReportPrepareInput = z.object({
  projectId: ProjectId,
  date: IsoDate,
  comment: Text(500).optional(),
})
export type ReportPrepareInput = z.infer<typeof ReportPrepareInput>
export const ReportDecideInput = z.object({
  submissionId: Id,
  approve: z.boolean(),
  /** Required to return a report: the preparer is told what to change. */
  comment: Text(500).optional(),
})
export type ReportDecideInput = z.infer<typeof ReportDecideInput>
export const ReportSubmissionIdInput = z.object({ submissionId: Id })
export type ReportSubmissionIdInput = z.infer<typeof ReportSubmissionIdInput>
export const ReportSubmissionsInput = z.object({ projectId: ProjectId, month: Month })
export type ReportSubmissionsInput = z.infer<typeof ReportSubmissionsInput>
