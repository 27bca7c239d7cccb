import { ProjectScoped, ReportDailyInput, ReportSheetInput } from '@anchang/shared'
import { assistantProcedure, managerProcedure, router } from '../trpc'
import { dailyReport } from '../services/reports/daily'
import { reportSheet } from '../services/reports/sheet'
import { todayFigures, watchToday } from '../services/reports/today'

export const reportsRouter = router({
  daily: managerProcedure.input(ReportDailyInput).query(dailyReport),
  // The assistant prepares the reports the office sends (the manual's 案场助理 duties): they read them too.
  sheet: assistantProcedure.input(ReportSheetInput).query(reportSheet),
  // The first screen of the director and the managers: the day so far, live.
  today: managerProcedure.input(ProjectScoped).query(todayFigures),
  onToday: managerProcedure.input(ProjectScoped).subscription(watchToday),
})
