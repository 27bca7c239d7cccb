import {
  ProjectScoped,
  StaffCreateInput,
  StaffResetPasswordInput,
  StaffSetActiveInput,
  StaffUpdateInput,
} from '@anchang/shared'
import { assistantProcedure, managingProcedure, router } from '../trpc'
import { createStaff } from '../services/staff/create'
import { listStaff } from '../services/staff/list'
import { resetStaffPassword, setStaffActive, updateStaff } from '../services/staff/update'

export const staffRouter = router({
  list: assistantProcedure.input(ProjectScoped).query(listStaff),
  create: managingProcedure.input(StaffCreateInput).mutation(createStaff),
  update: managingProcedure.input(StaffUpdateInput).mutation(updateStaff),
  resetPassword: managingProcedure.input(StaffResetPasswordInput).mutation(resetStaffPassword),
  setActive: managingProcedure.input(StaffSetActiveInput).mutation(setStaffActive),
})
