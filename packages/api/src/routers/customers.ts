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
  CustomerUpdateInput,
  FollowUpInput,
  DayCloseInput,
  EraseInput,
  ImportIdInput,
  ImportPartInput,
  ImportStartInput,
  LateEntriesInput,
  ProjectScoped,
  QuestionnaireInput,
  ReassignLeavingInput,
  ResolveConflictInput,
  SurveyAnswerInput,
  SurveyCreateInput,
  SurveyIdInput,
  SurveyListInput,
} from '@anchang/shared'
import {
  assistantProcedure,
  consultantMemberProcedure,
  directorProcedure,
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
import { closeDay, ignoredLeads, lateEntries, myDay, teamDay } from '../services/customers/day-close'
import { registerVisit } from '../services/customers/questionnaire'
import { eraseCustomer, personalData } from '../services/customers/personal-data'
import {
  cancelImport,
  checkImport,
  commitImport,
  importStatus,
  startImport,
  uploadPart,
} from '../services/customers/import'
import { answerSurvey, createSurvey, listSurveys, surveyResults } from '../services/customers/surveys'
import { searchCustomers } from '../services/customers/search'
import { updateCustomer } from '../services/customers/record'

export const customersRouter = router({
  search: staffProcedure.input(CustomerSearchInput).query(searchCustomers),
  get: staffMemberProcedure.input(CustomerGetInput).query(getCustomer),
  list: staffProcedure.input(CustomerListInput).query(listCustomers),
  register: consultantProcedure.input(CustomerRegisterInput).mutation(registerCustomer),
  followUp: staffMemberProcedure.input(FollowUpInput).mutation(logFollowUp),
  update: staffMemberProcedure.input(CustomerUpdateInput).mutation(updateCustomer),
  claim: consultantMemberProcedure.input(ClaimInput).mutation(claimCustomer),
  assign: managingProcedure.input(AssignInput).mutation(assignCustomers),
  reassignLeaving: managerProcedure.input(ReassignLeavingInput).mutation(reassignLeaving),
  conflicts: managerProcedure.input(ConflictsInput).query(listConflicts),
  resolveConflict: managingProcedure.input(ResolveConflictInput).mutation(resolveConflict),
  registerVisit: staffMemberProcedure.input(QuestionnaireInput).mutation(registerVisit),
  lateEntries: assistantProcedure.input(LateEntriesInput).query(lateEntries),
  ignoredLeads: managerProcedure.input(ProjectScoped).query(ignoredLeads),
  // PIPL: on the customer's request, everything held about them, and its erasure.
  personalData: managingProcedure.input(CustomerGetInput).query(personalData),
  erase: managingProcedure.input(EraseInput).mutation(eraseCustomer),
  // A spreadsheet import: started by the office for a project, then the starter's own, by its id.
  importStart: assistantProcedure.input(ImportStartInput).mutation(startImport),
  importPart: staffMemberProcedure.input(ImportPartInput).mutation(uploadPart),
  importCheck: staffMemberProcedure.input(ImportIdInput).mutation(checkImport),
  importStatus: staffMemberProcedure.input(ImportIdInput).query(importStatus),
  importCommit: staffMemberProcedure.input(ImportIdInput).mutation(commitImport),
  importCancel: staffMemberProcedure.input(ImportIdInput).mutation(cancelImport),
})

export const dayCloseRouter = router({
  mine: consultantProcedure.input(DayCloseInput).query(myDay),
  close: consultantProcedure.input(ProjectScoped).mutation(closeDay),
  team: assistantProcedure.input(DayCloseInput).query(teamDay),
})

export const surveysRouter = router({
  create: directorProcedure.input(SurveyCreateInput).mutation(createSurvey),
  list: staffProcedure.input(SurveyListInput).query(listSurveys),
  answer: staffMemberProcedure.input(SurveyAnswerInput).mutation(answerSurvey),
  results: managingProcedure.input(SurveyIdInput).query(surveyResults),
})

export const channelReportsRouter = router({
  create: memberProcedure.input(ChannelReportCreateInput).mutation(createChannelReport),
  list: memberProcedure.input(ChannelReportListInput).query(listChannelReports),
  invalidate: managingProcedure.input(ChannelReportInvalidateInput).mutation(invalidateChannelReport),
})
