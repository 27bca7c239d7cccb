import { BREAK_REASON_LABELS } from '../break-reasons'
import type { DeviceKind, Role } from '../enums'
import type { Locale, LocalText } from './locale'
import { VISIT_FIELDS } from '../customers/questionnaire'
import {
  PAYMENT_CHANNEL_LABELS,
  PAYMENT_KIND_LABELS,
  PAYMENT_METHOD_LABELS,
  PRODUCT_LABELS,
} from '../money/labels'

/** The money fields whose choices have words (a payment's `kind` read before a device's). */
const MONEY_VALUE_LABELS: Record<string, Record<string, LocalText>> = {
  paymentMethod: PAYMENT_METHOD_LABELS,
  product: PRODUCT_LABELS,
  method: PAYMENT_CHANNEL_LABELS,
  kind: PAYMENT_KIND_LABELS,
}

/** How each input field is named to a person, in the reader's language. */
export const FIELD_LABELS: Record<string, LocalText> = {
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  currentPassword: { 'zh-CN': '当前密码', en: 'Current password' },
  newPassword: { 'zh-CN': '新密码', en: 'New password' },
  name: { 'zh-CN': '名称', en: 'Name' },
  role: { 'zh-CN': '角色', en: 'Role' },
  pin: { 'zh-CN': 'PIN 码', en: 'PIN' },
  projectId: { 'zh-CN': '项目', en: 'Project' },
  projectIds: { 'zh-CN': '所属项目', en: 'Projects' },
  userId: { 'zh-CN': '员工', en: 'Staff member' },
  deviceId: { 'zh-CN': '设备', en: 'Device' },
  // `kind` and `method` name a device's or a payment's kind, a follow-up's or a payment's method.
  kind: { 'zh-CN': '类型', en: 'Kind' },
  code: { 'zh-CN': '编码', en: 'Code' },
  pairingCode: { 'zh-CN': '配对码', en: 'Pairing code' },
  timeZone: { 'zh-CN': '时区', en: 'Time zone' },
  channels: { 'zh-CN': '来访渠道', en: 'Channels' },
  phone: { 'zh-CN': '手机号', en: 'Phone number' },
  surname: { 'zh-CN': '姓氏', en: 'Surname' },
  title: { 'zh-CN': '称呼', en: 'Title' },
  partySize: { 'zh-CN': '来访人数', en: 'Party size' },
  channel: { 'zh-CN': '渠道', en: 'Channel' },
  consentVersion: { 'zh-CN': '隐私告知版本', en: 'Privacy notice version' },
  onBreak: { 'zh-CN': '暂离状态', en: 'Break status' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  action: { 'zh-CN': '操作', en: 'Action' },
  consultantId: { 'zh-CN': '置业顾问', en: 'Consultant' },
  toPosition: { 'zh-CN': '目标位置', en: 'Target position' },
  receptionId: { 'zh-CN': '接待', en: 'Reception' },
  result: { 'zh-CN': '接待结果', en: 'Result' },
  grade: { 'zh-CN': '客户等级', en: 'Grade' },
  note: { 'zh-CN': '备注', en: 'Note' },
  date: { 'zh-CN': '日期', en: 'Date' },
  q: { 'zh-CN': '搜索内容', en: 'Search text' },
  limit: { 'zh-CN': '条数', en: 'Limit' },
  cursor: { 'zh-CN': '分页位置', en: 'Page cursor' },
  webhookUrl: { 'zh-CN': '通知地址', en: 'Webhook URL' },
  settings: { 'zh-CN': '项目设置', en: 'Project settings' },
  active: { 'zh-CN': '启用状态', en: 'Active' },
  appealId: { 'zh-CN': '申诉', en: 'Appeal' },
  answer: { 'zh-CN': '处理意见', en: 'Answer' },
  accepted: { 'zh-CN': '处理结果', en: 'Decision' },
  text: { 'zh-CN': '申诉内容', en: 'Appeal text' },
  grantTurn: { 'zh-CN': '补给轮次', en: 'Grant a turn' },
  waitingId: { 'zh-CN': '等候访客', en: 'Waiting visitor' },
  pairingId: { 'zh-CN': '配对', en: 'Pairing' },
  customerId: { 'zh-CN': '客户', en: 'Customer' },
  customerIds: { 'zh-CN': '客户', en: 'Customers' },
  scope: { 'zh-CN': '范围', en: 'Scope' },
  overdue: { 'zh-CN': '逾期', en: 'Overdue' },
  due: { 'zh-CN': '今日待跟进', en: 'Due today' },
  fullName: { 'zh-CN': '姓名', en: 'Full name' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  addPhones: { 'zh-CN': '新增号码', en: 'Numbers to add' },
  removePhones: { 'zh-CN': '移除号码', en: 'Numbers to remove' },
  method: { 'zh-CN': '方式', en: 'Method' },
  happenedAt: { 'zh-CN': '发生时间', en: 'When it happened' },
  nextFollowUpOn: { 'zh-CN': '下次跟进日期', en: 'Next follow-up' },
  conflictId: { 'zh-CN': '撞单记录', en: 'Conflict' },
  ownerId: { 'zh-CN': '归属顾问', en: 'Owner' },
  status: { 'zh-CN': '状态', en: 'Status' },
  agentName: { 'zh-CN': '报备经纪人', en: 'Agent' },
  agentPhone: { 'zh-CN': '经纪人电话', en: 'Agent’s phone' },
  reportId: { 'zh-CN': '报备', en: 'Report' },
  fromConsultantId: { 'zh-CN': '离职顾问', en: 'Leaving consultant' },
  toConsultantIds: { 'zh-CN': '接手顾问', en: 'Consultants taking over' },
  agency: { 'zh-CN': '渠道公司', en: 'Agency' },
  fileName: { 'zh-CN': '文件名', en: 'File name' },
  size: { 'zh-CN': '文件大小', en: 'File size' },
  data: { 'zh-CN': '文件内容', en: 'File content' },
  importId: { 'zh-CN': '导入', en: 'Import' },
  index: { 'zh-CN': '分段序号', en: 'Part number' },
  // units, deals and money
  units: { 'zh-CN': '房源', en: 'Units' },
  unitId: { 'zh-CN': '房源', en: 'Unit' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  entrance: { 'zh-CN': '单元', en: 'Entrance' },

  room: { 'zh-CN': '房号', en: 'Room' },
  layout: { 'zh-CN': '户型', en: 'Layout' },
  areaM2: { 'zh-CN': '面积（m²）', en: 'Area (m²)' },
  listPriceFen: { 'zh-CN': '表价（分）', en: 'List price (fen)' },
  product: { 'zh-CN': '业态', en: 'Product' },

  paymentMethod: { 'zh-CN': '付款方式', en: 'Payment method' },
  priceFen: { 'zh-CN': '成交价（分）', en: 'Price (fen)' },
  depositFen: { 'zh-CN': '定金（分）', en: 'Deposit (fen)' },
  signBy: { 'zh-CN': '签约截止日期', en: 'Sign by' },
  specialPriceRequestId: { 'zh-CN': '特价申请', en: 'Special-price request' },
  requestId: { 'zh-CN': '特价申请', en: 'Special-price request' },
  approve: { 'zh-CN': '审批结果', en: 'Decision' },
  dealId: { 'zh-CN': '成交', en: 'Deal' },
  contractNo: { 'zh-CN': '合同编号', en: 'Contract number' },
  signedOn: { 'zh-CN': '签约日期', en: 'Signing date' },
  schedule: { 'zh-CN': '付款计划', en: 'Payment schedule' },
  dueOn: { 'zh-CN': '应付日期', en: 'Due date' },
  amountFen: { 'zh-CN': '金额（分）', en: 'Amount (fen)' },
  onlineSignRef: { 'zh-CN': '网签备案号', en: 'Online-signing reference' },
  onlineSignOn: { 'zh-CN': '网签日期', en: 'Online-signing date' },
  paidOn: { 'zh-CN': '收款日期', en: 'Payment date' },
  receiptNo: { 'zh-CN': '收据编号', en: 'Receipt number' },
  changeId: { 'zh-CN': '变更申请', en: 'Change request' },
  month: { 'zh-CN': '月份', en: 'Month' },
  visits: { 'zh-CN': '来访指标', en: 'Visits target' },
  subscriptions: { 'zh-CN': '认购指标（套）', en: 'Subscriptions target' },
  signings: { 'zh-CN': '签约指标（套）', en: 'Signings target' },
  signingFen: { 'zh-CN': '签约金额指标（分）', en: 'Signing amount target (fen)' },
  collectionFen: { 'zh-CN': '回款指标（分）', en: 'Collection target (fen)' },
  step: { 'zh-CN': '办理环节', en: 'Step' },
  doneOn: { 'zh-CN': '办理日期', en: 'Date done' },
  holder: { 'zh-CN': '资料保管人', en: 'Held by' },
  paperworkDays: { 'zh-CN': '按揭及产权办理时限（天）', en: 'Paperwork deadlines (days)' },
  sales: { 'zh-CN': '销售规则', en: 'Sales rules' },
  pricePolicy: { 'zh-CN': '价格政策', en: 'Price policy' },
  specialPriceValidDays: { 'zh-CN': '特价有效期（天）', en: 'Special price valid for (days)' },
  backdateDays: { 'zh-CN': '最多倒签天数', en: 'Most days a contract may be dated back' },
  signWithinDays: { 'zh-CN': '认购后签约期限（天）', en: 'Days from subscription to signing' },
  paymentPlans: { 'zh-CN': '付款方式模板', en: 'Payment plans' },
  unitColours: { 'zh-CN': '销控表颜色', en: 'Grid colours' },
  presalePermit: { 'zh-CN': '预售许可证号', en: 'Pre-sale permit' },
  // project settings
  rotation: { 'zh-CN': '轮序规则', en: 'Rotation rules' },
  ownership: { 'zh-CN': '客户归属规则', en: 'Ownership rules' },
  separateCallQueue: { 'zh-CN': '来电单独排队', en: 'Separate call queue' },
  returningUsesTurn: { 'zh-CN': '老客户占用轮次', en: 'Returning customers use a turn' },
  onBehalfUsesTurn: { 'zh-CN': '代接占用轮次', en: 'On-behalf receptions use a turn' },
  breakKeepsPlace: { 'zh-CN': '暂离保留位置', en: 'Breaks that keep the place' },
  undoWindowMinutes: { 'zh-CN': '撤销时限（分钟）', en: 'Undo window (minutes)' },
  overdueFollowUpsBlock: { 'zh-CN': '跟进逾期暂停轮序', en: 'Overdue follow-ups pause the rotation' },
  protectionDays: { 'zh-CN': '保护期（天）', en: 'Protection period (days)' },
  onBehalfOwnerSharePercent: {
    'zh-CN': '代接成交归属比例（%）',
    en: 'Owner’s share of an on-behalf deal (%)',
  },
  channelReportWindowDays: { 'zh-CN': '渠道报备有效期（天）', en: 'Channel report window (days)' },
  followUpDays: { 'zh-CN': '跟进周期（天）', en: 'Follow-up cadence (days)' },
  channelReportMatch: { 'zh-CN': '报备号码匹配方式', en: 'Channel report matching' },
  reportAfterVisit: { 'zh-CN': '到访后报备的处理', en: 'Reports after a visit' },
  newCustomerFollowUpHours: {
    'zh-CN': '新客户首次跟进时限（小时）',
    en: 'First follow-up of a new customer (hours)',
  },
  unfinishedReceptionMinutes: {
    'zh-CN': '接待未结束提醒（分钟）',
    en: 'Unfinished reception alert (minutes)',
  },
  welcomeBack: { 'zh-CN': '自助机欢迎老客户', en: 'Kiosk welcomes returning customers' },
  reports: { 'zh-CN': '报表口径', en: 'Report definitions' },
  visitCount: { 'zh-CN': '来访统计范围', en: 'Visits counted' },
  visitUnit: { 'zh-CN': '来访计量单位', en: 'Visits counted per' },
  conversion: { 'zh-CN': '来访认购率口径', en: 'Visit → subscription rate' },
  sellThrough: { 'zh-CN': '去化率口径', en: 'Sell-through base' },
  dailyDeadline: { 'zh-CN': '日报截止时间', en: 'Daily report deadline' },
  nextDay: { 'zh-CN': '次日', en: 'Next day' },
  time: { 'zh-CN': '时间', en: 'Time' },
  submissionId: { 'zh-CN': '报表', en: 'Report' },
  // the visit registration (来访登记表)
  ...Object.fromEntries(VISIT_FIELDS.map((f) => [f.key, f.label])),
}

/** The fields of a unit to import whose names the visit form also uses for something else. */
const UNIT_ROW_LABELS: Record<string, LocalText> = {
  floor: { 'zh-CN': '楼层', en: 'Floor' },
  orientation: { 'zh-CN': '朝向', en: 'Orientation' },
}

/** Keys that name one entry of the field above them (`followUpDays.A`, `breakKeepsPlace.lunch`). */
const ENTRY_LABELS: Record<string, LocalText> = {
  A: { 'zh-CN': 'A 级', en: 'grade A' },
  B: { 'zh-CN': 'B 级', en: 'grade B' },
  C: { 'zh-CN': 'C 级', en: 'grade C' },
  D: { 'zh-CN': 'D 级', en: 'grade D' },
  ...BREAK_REASON_LABELS,
}

/**
 * `手机号` / `Phone number`: the field in the reader's words only. An entry of a field is named
 * with it (`跟进周期（天）（A 级）`); a field without a label is named by its code.
 */
export function fieldName(path: readonly PropertyKey[], locale: Locale): string {
  const keys = path.filter((p): p is string => typeof p === 'string')
  const key = keys.at(-1)
  if (!key) return locale === 'en' ? 'The request' : '请求内容'
  // A unit's floor and orientation are not the visit form's wished-for ones of the same name.
  const unitLabel = keys[0] === 'units' ? UNIT_ROW_LABELS[key]?.[locale] : undefined
  if (unitLabel) return unitLabel
  const label = FIELD_LABELS[key]?.[locale]
  if (label) return label
  const parent = keys.at(-2)
  const parentLabel = parent ? FIELD_LABELS[parent]?.[locale] : undefined
  const entry = ENTRY_LABELS[key]?.[locale]
  if (parentLabel && entry)
    return locale === 'en' ? `${parentLabel} (${entry})` : `${parentLabel}（${entry}）`
  return key
}

export const ROLE_LABELS: Record<Role, LocalText> = {
  director: { 'zh-CN': '销售总监', en: 'director' },
  manager: { 'zh-CN': '销售经理', en: 'manager' },
  assistant: { 'zh-CN': '销售助理', en: 'assistant' },
  consultant: { 'zh-CN': '置业顾问', en: 'consultant' },
  channel: { 'zh-CN': '渠道', en: 'channel partner' },
}

export const DEVICE_KIND_LABELS: Record<DeviceKind, LocalText> = {
  kiosk: { 'zh-CN': '前台自助机', en: 'kiosk' },
  board: { 'zh-CN': '轮序大屏', en: 'board' },
}

/**
 * The allowed values of a choice in words, for the sentence that lists them (`角色只能是：销售总监、…`);
 * a value without words is shown as its code.
 */
export function valueName(path: readonly PropertyKey[], value: unknown, locale: Locale): string {
  const key = path.filter((p): p is string => typeof p === 'string').at(-1)
  const text = String(value)
  if (key === 'role') return ROLE_LABELS[text as Role]?.[locale] ?? text
  if (key === 'kind' && text in DEVICE_KIND_LABELS) return DEVICE_KIND_LABELS[text as DeviceKind][locale]
  const money = MONEY_VALUE_LABELS[key ?? '']?.[text]
  if (money) return money[locale]
  const field = VISIT_FIELDS.find((f) => f.key === key)
  return field?.choices?.find((c) => c.value === text)?.label[locale] ?? text
}
