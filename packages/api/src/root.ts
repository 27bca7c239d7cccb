import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { router } from './trpc'
import { auditRouter } from './routers/audit'
import { authRouter } from './routers/auth'
import { devicesRouter } from './routers/devices'
import { projectsRouter } from './routers/projects'
import { staffRouter } from './routers/staff'
import { channelReportsRouter, customersRouter, dayCloseRouter, surveysRouter } from './routers/customers'
import { kioskRouter, receptionRouter } from './routers/reception'
import { rotationRouter } from './routers/rotation'
import { unitsRouter } from './routers/units'
import { reportsRouter } from './routers/reports'
import {
  dealsRouter,
  paperworkRouter,
  paymentsRouter,
  pricesRouter,
  receiptsRouter,
  targetsRouter,
} from './routers/deals'

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  devices: devicesRouter,
  projects: projectsRouter,
  staff: staffRouter,
  customers: customersRouter,
  channelReports: channelReportsRouter,
  dayClose: dayCloseRouter,
  surveys: surveysRouter,
  kiosk: kioskRouter,
  reception: receptionRouter,
  rotation: rotationRouter,
  units: unitsRouter,
  prices: pricesRouter,
  deals: dealsRouter,
  payments: paymentsRouter,
  receipts: receiptsRouter,
  paperwork: paperworkRouter,
  targets: targetsRouter,
  reports: reportsRouter,
})

export type AppRouter = typeof appRouter
export type RouterInputs = inferRouterInputs<AppRouter>
export type RouterOutputs = inferRouterOutputs<AppRouter>
