import {
  BackdateInput,
  DealChangeDecideInput,
  DealChangeRequestInput,
  DealIdInput,
  DealListInput,
  OnlineSignInput,
  PaperworkListInput,
  PaperworkUpdateInput,
  PaymentRecordInput,
  ProjectScoped,
  QuoteInput,
  RemindInput,
  ReceiptGetInput,
  ReceiptVoidInput,
  SignInput,
  SpecialPriceDecideInput,
  SpecialPriceListInput,
  SpecialPriceRequestInput,
  SubscribeInput,
  TargetProgressInput,
  TargetSetInput,
} from '@anchang/shared'
import {
  assistantProcedure,
  consultantMemberProcedure,
  directorOnlyProcedure,
  directorProcedure,
  managerProcedure,
  managingProcedure,
  router,
  staffMemberProcedure,
  staffProcedure,
} from '../trpc'
import { decideChange, pendingChanges, requestChange } from '../services/deals/changes'
import { getReceipt, recordPayment, voidReceipt } from '../services/deals/payments'
import { decideSpecial, listSpecial, quote, requestSpecial } from '../services/deals/pricing'
import { getDeal, listDeals, remindPayment } from '../services/deals/read'
import { permitBackdate, recordOnlineSigning, sign } from '../services/deals/sign'
import { subscribe } from '../services/deals/subscribe'
import { listPaperwork, updatePaperwork } from '../services/deals/paperwork'
import { setTarget, targetProgress } from '../services/deals/targets'

export const pricesRouter = router({
  quote: staffMemberProcedure.input(QuoteInput).query(quote),
  requestSpecial: consultantMemberProcedure.input(SpecialPriceRequestInput).mutation(requestSpecial),
  decideSpecial: directorOnlyProcedure.input(SpecialPriceDecideInput).mutation(decideSpecial),
  listSpecial: staffProcedure.input(SpecialPriceListInput).query(listSpecial),
})

export const dealsRouter = router({
  subscribe: consultantMemberProcedure.input(SubscribeInput).mutation(subscribe),
  sign: staffMemberProcedure.input(SignInput).mutation(sign),
  permitBackdate: managingProcedure.input(BackdateInput).mutation(permitBackdate),
  onlineSign: staffMemberProcedure.input(OnlineSignInput).mutation(recordOnlineSigning),
  get: staffMemberProcedure.input(DealIdInput).query(getDeal),
  list: staffProcedure.input(DealListInput).query(listDeals),
  requestChange: staffMemberProcedure.input(DealChangeRequestInput).mutation(requestChange),
  decideChange: directorOnlyProcedure.input(DealChangeDecideInput).mutation(decideChange),
  pendingChanges: managerProcedure.input(ProjectScoped).query(pendingChanges),
  remind: staffMemberProcedure.input(RemindInput).mutation(remindPayment),
})

export const paymentsRouter = router({
  record: staffMemberProcedure.input(PaymentRecordInput).mutation(recordPayment),
})

export const receiptsRouter = router({
  get: staffProcedure.input(ReceiptGetInput).query(getReceipt),
  void: assistantProcedure.input(ReceiptVoidInput).mutation(voidReceipt),
})

export const paperworkRouter = router({
  update: staffMemberProcedure.input(PaperworkUpdateInput).mutation(updatePaperwork),
  list: staffProcedure.input(PaperworkListInput).query(listPaperwork),
})

export const targetsRouter = router({
  set: directorProcedure.input(TargetSetInput).mutation(setTarget),
  progress: staffProcedure.input(TargetProgressInput).query(targetProgress),
})
