/** The words for the codes of units, deals and money, in both languages: one place for every screen and sentence. */
import type { LocalText } from '../i18n/locale'
import type { PaymentMethod, ProductType } from './price-policy'
import type { UnitAction, UnitStatus } from './unit-status'
import type {
  DealChangeKind,
  DealStatus,
  PaymentChannel,
  PaymentKind,
  SpecialPriceStatus,
} from '../schemas/deals'

export const UNIT_STATUS_LABELS: Record<UnitStatus, LocalText> = {
  available: { 'zh-CN': '待售', en: 'available' },
  held: { 'zh-CN': '保留', en: 'held' },
  subscribed: { 'zh-CN': '已认购', en: 'subscribed' },
  signed: { 'zh-CN': '已签约', en: 'signed' },
  withheld: { 'zh-CN': '不可售', en: 'withheld' },
}

export const UNIT_ACTION_LABELS: Record<UnitAction, LocalText> = {
  hold: { 'zh-CN': '保留', en: 'hold' },
  release: { 'zh-CN': '放出', en: 'release' },
  subscribe: { 'zh-CN': '认购', en: 'subscription' },
  sign: { 'zh-CN': '签约', en: 'signing' },
  cancelSubscription: { 'zh-CN': '退订', en: 'cancel the subscription' },
  cancelSigning: { 'zh-CN': '退房', en: 'cancel the signing' },
  withhold: { 'zh-CN': '设为不可售', en: 'withhold' },
  unwithhold: { 'zh-CN': '恢复可售', en: 'put back on sale' },
}

export const PRODUCT_LABELS: Record<ProductType, LocalText> = {
  residential: { 'zh-CN': '住宅', en: 'residential' },
  commercial: { 'zh-CN': '商业', en: 'commercial' },
  parking: { 'zh-CN': '车位', en: 'parking' },
}

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, LocalText> = {
  full: { 'zh-CN': '一次性付款', en: 'lump sum' },
  mortgage: { 'zh-CN': '按揭', en: 'mortgage' },
  instalment: { 'zh-CN': '分期', en: 'instalments' },
}

export const DEAL_STATUS_LABELS: Record<DealStatus, LocalText> = {
  subscribed: { 'zh-CN': '已认购', en: 'subscribed' },
  signed: { 'zh-CN': '已签约', en: 'signed' },
  cancelled: { 'zh-CN': '已退房', en: 'cancelled' },
  forfeited: { 'zh-CN': '已挞定', en: 'forfeited' },
}

export const DEAL_CHANGE_LABELS: Record<DealChangeKind, LocalText> = {
  cancel: { 'zh-CN': '退房', en: 'cancellation' },
  forfeit: { 'zh-CN': '挞定', en: 'forfeit' },
  changeUnit: { 'zh-CN': '换房', en: 'change of unit' },
  rename: { 'zh-CN': '更名', en: 'change of buyer' },
  changePrice: { 'zh-CN': '调价', en: 'price change' },
  undo: { 'zh-CN': '撤销变更', en: 'undoing a change' },
}

export const PAYMENT_CHANNEL_LABELS: Record<PaymentChannel, LocalText> = {
  cash: { 'zh-CN': '现金', en: 'cash' },
  card: { 'zh-CN': '刷卡', en: 'card' },
  transfer: { 'zh-CN': '转账', en: 'transfer' },
  loan: { 'zh-CN': '银行放款', en: 'bank loan' },
}

export const PAYMENT_KIND_LABELS: Record<PaymentKind, LocalText> = {
  deposit: { 'zh-CN': '定金', en: 'deposit' },
  down_payment: { 'zh-CN': '首付款', en: 'down payment' },
  instalment: { 'zh-CN': '分期款', en: 'instalment' },
  loan: { 'zh-CN': '按揭款', en: 'mortgage loan' },
}

export const SPECIAL_PRICE_STATUS_LABELS: Record<SpecialPriceStatus, LocalText> = {
  pending: { 'zh-CN': '待审批', en: 'pending' },
  approved: { 'zh-CN': '已批准', en: 'approved' },
  rejected: { 'zh-CN': '已驳回', en: 'rejected' },
  used: { 'zh-CN': '已使用', en: 'used' },
  expired: { 'zh-CN': '已过期', en: 'expired' },
}
