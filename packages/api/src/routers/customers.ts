import {
  AssignInput,
  ChannelReportCreateInput,
  ChannelReportInvalidateInput,
  ChannelReportListInput,
  ClaimInput,
  ConflictsInput,
  CustomerGetInput,
  CustomerListInput,
  CustomerRegisterInput,
  CustomerSearchInput,
  FollowUpInput,
  ReassignLeavingInput,
  ResolveConflictInput,
} from '@anchang/shared'
import {
  consultantMemberProcedure,
  consultantProcedure,
  managerProcedure,
  managingProcedure,
  memberProcedure,
  router,
  staffMemberProcedure,
  staffProcedure,
} from '../trpc'
import {
  createChannelReport,
  invalidateChannelReport,
  listChannelReports,
} from '../services/customers/channel-reports'
import { logFollowUp } from '../services/customers/follow-up'
import {
  assignCustomers,
  claimCustomer,
  listConflicts,
  reassignLeaving,
  registerCustomer,
  resolveConflict,
} from '../services/customers/ownership'
import { getCustomer, listCustomers } from '../services/customers/read'
import { searchCustomers } from '../services/customers/search'

export const customersRouter = router({
  search: staffProcedure.input(CustomerSearchInput).query(searchCustomers),
  get: staffMemberProcedure.input(CustomerGetInput).query(getCustomer),
  list: staffProcedure.input(CustomerListInput).query(listCustomers),
  register: consultantProcedure.input(CustomerRegisterInput).mutation(registerCustomer),
  followUp: staffMemberProcedure.input(FollowUpInput).mutation(logFollowUp),
  claim: consultantMemberProcedure.input(ClaimInput).mutation(claimCustomer),
  assign: managingProcedure.input(AssignInput).mutation(assignCustomers),
  reassignLeaving: managerProcedure.input(ReassignLeavingInput).mutation(reassignLeaving),
  conflicts: managerProcedure.input(ConflictsInput).query(listConflicts),
  resolveConflict: managingProcedure.input(ResolveConflictInput).mutation(resolveConflict),
})

export const channelReportsRouter = router({
  create: memberProcedure.input(ChannelReportCreateInput).mutation(createChannelReport),
  list: memberProcedure.input(ChannelReportListInput).query(listChannelReports),
  invalidate: managingProcedure.input(ChannelReportInvalidateInput).mutation(invalidateChannelReport),
})
