import { ReportDailyInput } from '@anchang/shared'
import { managerProcedure, router } from '../trpc'
import { dailyReport } from '../services/reports/daily'

export const reportsRouter = router({
  daily: managerProcedure.input(ReportDailyInput).query(dailyReport),
})
