import { ReportDailyInput, ReportSheetInput } from '@anchang/shared'
import { assistantProcedure, managerProcedure, router } from '../trpc'
import { dailyReport } from '../services/reports/daily'
import { reportSheet } from '../services/reports/sheet'

export const reportsRouter = router({
  daily: managerProcedure.input(ReportDailyInput).query(dailyReport),
  // The assistant prepares the reports the office sends (the manual's 案场助理 duties): they read them too.
  sheet: assistantProcedure.input(ReportSheetInput).query(reportSheet),
})
