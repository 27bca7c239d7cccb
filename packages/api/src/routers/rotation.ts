import {
  DutyInput,
  LeaveLineInput,
  OverrideInput,
  ProjectScoped,
  ReceptionActionInput,
  SetBreakInput,
  SignOutConsultantInput,
} from '@anchang/shared'
import {
  boardReaderProcedure,
  consultantProcedure,
  dutyProcedure,
  managerProcedure,
  router,
  staffProcedure,
} from '../trpc'
import { readBoard, watchBoard } from '../services/rotation/board'
import { setBreak, signIn, signOut } from '../services/rotation/duty'
import { myStatus, watchMyNotices } from '../services/rotation/mine'
import {
  leaveLine,
  missedTurn,
  override,
  signOutConsultant,
  undoAssignment,
} from '../services/rotation/override'

export const rotationRouter = router({
  signIn: dutyProcedure.input(DutyInput).mutation(signIn),
  setBreak: dutyProcedure.input(SetBreakInput).mutation(setBreak),
  signOut: dutyProcedure.input(DutyInput).mutation(signOut),
  board: boardReaderProcedure.input(ProjectScoped).query(readBoard),
  onChange: boardReaderProcedure.input(ProjectScoped).subscription(watchBoard),
  override: managerProcedure.input(OverrideInput).mutation(override),
  missedTurn: managerProcedure.input(ReceptionActionInput).mutation(missedTurn),
  undo: managerProcedure.input(ReceptionActionInput).mutation(undoAssignment),
  leaveLine: managerProcedure.input(LeaveLineInput).mutation(leaveLine),
  signOutConsultant: managerProcedure.input(SignOutConsultantInput).mutation(signOutConsultant),
  mine: consultantProcedure.input(ProjectScoped).query(myStatus),
  onNotice: staffProcedure.input(ProjectScoped).subscription(watchMyNotices),
})
