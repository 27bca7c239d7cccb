import {
  ProjectScoped,
  ReportDailyInput,
  ReportDecideInput,
  ReportPrepareInput,
  ReportSheetInput,
  ReportSubmissionIdInput,
  ReportSubmissionsInput,
} from '@anchang/shared'
import { assistantProcedure, managerProcedure, managingProcedure, officeProcedure, router } from '../trpc'
import { dailyReport } from '../services/reports/daily'
import { reportSheet } from '../services/reports/sheet'
import {
  decideReport,
  getSubmission,
  listSubmissions,
  prepareReport,
  submitReport,
} from '../services/reports/submissions'
import { todayFigures, watchToday } from '../services/reports/today'

export const reportsRouter = router({
  daily: managerProcedure.input(ReportDailyInput).query(dailyReport),
  // The assistant prepares the reports the office sends (the manual's 案场助理 duties): they read them too.
  sheet: assistantProcedure.input(ReportSheetInput).query(reportSheet),
  // The first screen of the director and the managers: the day so far, live.
  today: managerProcedure.input(ProjectScoped).query(todayFigures),
  onToday: managerProcedure.input(ProjectScoped).subscription(watchToday),
  // Prepared (assistant), signed off or returned (manager, director), submitted with the time; each version kept.
  prepare: assistantProcedure.input(ReportPrepareInput).mutation(prepareReport),
  decide: managingProcedure.input(ReportDecideInput).mutation(decideReport),
  submit: officeProcedure.input(ReportSubmissionIdInput).mutation(submitReport),
  submissions: assistantProcedure.input(ReportSubmissionsInput).query(listSubmissions),
  submission: officeProcedure.input(ReportSubmissionIdInput).query(getSubmission),
})
