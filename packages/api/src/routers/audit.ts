import { AuditListInput } from '@anchang/shared'
import { directorProcedure, router } from '../trpc'
import { listAudit } from '../services/audit/list'

export const auditRouter = router({
  list: directorProcedure.input(AuditListInput).query(listAudit),
})
