import {
  AnswerAppealInput,
  AppealInput,
  CheckInInput,
  DayInput,
  FinishInput,
  IdentifyInput,
  WelcomeInput,
  ProjectScoped,
  StartCallInput,
} from '@anchang/shared'
import { z } from 'zod'
import {
  authedProcedure,
  kioskProcedure,
  managerProcedure,
  managingProcedure,
  router,
  staffProcedure,
} from '../trpc'
import { answerAppeal, fileAppeal, listAppeals } from '../services/reception/appeals'
import { kioskCheckIn, startCall } from '../services/reception/check-in'
import { finishReception } from '../services/reception/finish'
import { receptionLog, rotationEventLog } from '../services/reception/log'
import { identifyByPin } from '../services/rotation/identify'
import { welcomeBack } from '../services/reception/welcome'

export const kioskRouter = router({
  checkIn: kioskProcedure.input(CheckInInput).mutation(kioskCheckIn),
  /** A mutation, so the PIN never sits in a URL, and because every try counts towards the lock. */
  identify: kioskProcedure.input(IdentifyInput).mutation(identifyByPin),
  /** A mutation, so the number never sits in a URL, and because every lookup counts towards the limit. */
  welcome: kioskProcedure.input(WelcomeInput).mutation(welcomeBack),
})

export const receptionRouter = router({
  startCall: staffProcedure.input(StartCallInput).mutation(startCall),
  finish: authedProcedure.input(FinishInput).mutation(finishReception),
  log: managerProcedure.input(DayInput).query(receptionLog),
  events: managerProcedure.input(DayInput).query(rotationEventLog),
  appeal: authedProcedure.input(AppealInput).mutation(fileAppeal),
  appeals: staffProcedure
    .input(ProjectScoped.extend({ status: z.enum(['open', 'accepted', 'rejected']).optional() }))
    .query(listAppeals),
  answerAppeal: managingProcedure.input(AnswerAppealInput).mutation(answerAppeal),
})
