import { z } from 'zod'
import type { Locale } from '../i18n/locale'

/**
 * The visit registration (来访登记表) of `reference/formats.md`: the fields a sales office already
 * asks every visitor, in its order, each with the choices its paper form prints. One definition
 * serves the form, the validation, the timeline and the export, so they cannot drift apart.
 */
type Label = Record<Locale, string>
interface Choice {
  value: string
  label: Label
}
export type VisitFieldKind = 'single' | 'multiple' | 'text'
export interface VisitField {
  key: string
  kind: VisitFieldKind
  label: Label
  choices?: readonly Choice[]
}

const c = (value: string, zh: string, en: string): Choice => ({ value, label: { 'zh-CN': zh, en } })

const AGE_BANDS = [20, 25, 30, 35, 40, 45, 50, 55, 60].map((from) =>
  c(`${from}-${from + 4}`, `${from}–${from + 4} 岁`, `${from}–${from + 4}`),
)

export const VISIT_FIELDS: readonly VisitField[] = [
  {
    key: 'sex',
    kind: 'single',
    label: { 'zh-CN': '性别', en: 'Sex' },
    choices: [c('male', '男', 'Male'), c('female', '女', 'Female')],
  },
  {
    key: 'visitKind',
    kind: 'single',
    label: { 'zh-CN': '来访类型', en: 'Visit' },
    choices: [
      c('first', '首访', 'First visit'),
      c('repeat', '复访', 'Repeat visit'),
      c('afterCall', '来电后到访', 'Came after a call'),
    ],
  },
  {
    key: 'company',
    kind: 'single',
    label: { 'zh-CN': '同行人', en: 'Came with' },
    choices: [c('alone', '独自', 'Alone'), c('family', '家人', 'Family'), c('friends', '朋友', 'Friends')],
  },
  { key: 'homeArea', kind: 'text', label: { 'zh-CN': '居住区域', en: 'Home area' } },
  { key: 'workArea', kind: 'text', label: { 'zh-CN': '工作区域', en: 'Work area' } },
  {
    key: 'ageBand',
    kind: 'single',
    label: { 'zh-CN': '年龄段', en: 'Age band' },
    choices: [c('under20', '20 岁以下', 'Under 20'), ...AGE_BANDS, c('65+', '65 岁及以上', '65 and over')],
  },
  {
    key: 'heardFrom',
    kind: 'multiple',
    label: { 'zh-CN': '认知途径', en: 'How they heard' },
    choices: [
      c('hoarding', '工地围挡', 'Site hoarding'),
      c('exhibition', '展会', 'Exhibition'),
      c('billboard', '户外广告牌', 'Billboard'),
      c('online', '网络', 'Online'),
      c('outreach', '外展派单', 'Outreach'),
      c('leaflet', '单张', 'Leaflet'),
      c('sms', '短信', 'SMS'),
      c('newspaper', '报纸', 'Newspaper'),
      c('referral', '朋友介绍', 'Referral'),
      c('passingBy', '路过', 'Passing by'),
    ],
  },
  {
    key: 'employerType',
    kind: 'single',
    label: { 'zh-CN': '单位性质', en: 'Employer type' },
    choices: [
      c('government', '政府机关', 'Government'),
      c('publicInstitution', '事业单位', 'Public institution'),
      c('stateOwned', '国有企业', 'State-owned company'),
      c('private', '民营企业', 'Private company'),
      c('foreign', '外资企业', 'Foreign company'),
      c('selfEmployed', '个体经营', 'Self-employed'),
      c('other', '其他', 'Other'),
    ],
  },
  { key: 'occupation', kind: 'text', label: { 'zh-CN': '职业', en: 'Occupation' } },
  {
    key: 'wantedFunction',
    kind: 'single',
    label: { 'zh-CN': '意向业态', en: 'Wanted use' },
    choices: [
      c('residence', '住宅', 'Residence'),
      c('apartment', '公寓', 'Apartment'),
      c('villa', '别墅', 'Villa'),
      c('shop', '商铺', 'Shop'),
      c('office', '写字楼', 'Office'),
    ],
  },
  {
    key: 'floor',
    kind: 'single',
    label: { 'zh-CN': '意向楼层', en: 'Floor' },
    choices: [c('low', '低层', 'Low'), c('middle', '中层', 'Middle'), c('high', '高层', 'High')],
  },
  {
    key: 'orientation',
    kind: 'single',
    label: { 'zh-CN': '意向朝向', en: 'Orientation' },
    choices: [
      c('south', '南', 'South'),
      c('southNorth', '南北通透', 'North–south through'),
      c('east', '东', 'East'),
      c('west', '西', 'West'),
      c('north', '北', 'North'),
    ],
  },
  {
    key: 'areaBand',
    kind: 'single',
    label: { 'zh-CN': '意向面积', en: 'Area' },
    choices: [
      c('<90', '90㎡以下', 'Under 90 m²'),
      c('90-120', '90–120㎡', '90–120 m²'),
      c('120-144', '120–144㎡', '120–144 m²'),
      c('144+', '144㎡以上', 'Over 144 m²'),
    ],
  },
  {
    key: 'unitPriceBand',
    kind: 'single',
    label: { 'zh-CN': '可接受单价', en: 'Unit price' },
    choices: [
      c('<15k', '1.5 万/㎡以下', 'Under ¥15k/m²'),
      c('15-20k', '1.5–2 万/㎡', '¥15–20k/m²'),
      c('20-25k', '2–2.5 万/㎡', '¥20–25k/m²'),
      c('25k+', '2.5 万/㎡以上', 'Over ¥25k/m²'),
    ],
  },
  {
    key: 'budgetBand',
    kind: 'single',
    label: { 'zh-CN': '总价预算', en: 'Total budget' },
    choices: [
      c('<150', '150 万以下', 'Under ¥1.5M'),
      c('150-200', '150–200 万', '¥1.5–2M'),
      c('200-300', '200–300 万', '¥2–3M'),
      c('300+', '300 万以上', 'Over ¥3M'),
    ],
  },
  {
    key: 'motive',
    kind: 'single',
    label: { 'zh-CN': '购房目的', en: 'Motive' },
    choices: [c('ownUse', '自住', 'Own use'), c('investment', '投资', 'Investment')],
  },
  ...(['factors', 'objections'] as const).map(
    (key): VisitField => ({
      key,
      kind: 'multiple',
      label:
        key === 'factors'
          ? { 'zh-CN': '决策因素', en: 'Decision factors' }
          : { 'zh-CN': '抗性', en: 'Objections' },
      choices: [
        c('location', '地段', 'Location'),
        c('price', '价格', 'Price'),
        c('area', '面积', 'Area'),
        c('planning', '规划', 'Planning'),
        c('amenities', '配套', 'Amenities'),
        c('ceilingHeight', '层高', 'Ceiling height'),
        c('transport', '交通', 'Transport'),
        c('parking', '车位', 'Parking'),
        c('paymentTerms', '付款方式', 'Payment terms'),
        c('loan', '贷款', 'Loan'),
        c('propertyManagement', '物业', 'Property management'),
        c('completionDate', '交房时间', 'Completion date'),
        c('brand', '品牌', 'Brand'),
        c('efficiency', '得房率', 'Efficiency ratio'),
      ],
    }),
  ),
  { key: 'liked', kind: 'text', label: { 'zh-CN': '认可点', en: 'What they liked' } },
  { key: 'doubted', kind: 'text', label: { 'zh-CN': '疑虑点', en: 'What they doubted' } },
]

/** The form's fields that may be left blank: the notes. Everything else the office asks of every visitor. */
export const VISIT_OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['liked', 'doubted'])

const textAnswer = z.string().trim().max(200)

/** The answers as stored: only the form's fields, each within its choices. */
export const VisitAnswers = z
  .object(
    Object.fromEntries(
      VISIT_FIELDS.map((f) => {
        const values = (f.choices ?? []).map((x) => x.value) as [string, ...string[]]
        const schema =
          f.kind === 'text'
            ? textAnswer
            : f.kind === 'single'
              ? z.enum(values)
              : z
                  .array(z.enum(values))
                  .max(values.length)
                  .transform((list) => [...new Set(list)])
        return [f.key, schema.optional()]
      }),
    ),
  )
  .strict()
export type VisitAnswers = Record<string, string | string[] | undefined>

/** The required fields a registration leaves blank: a day is not closed with these missing. */
export function missingVisitFields(answers: VisitAnswers | null | undefined): string[] {
  return VISIT_FIELDS.filter((f) => !VISIT_OPTIONAL_FIELDS.has(f.key))
    .filter((f) => {
      const value = answers?.[f.key]
      return value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    })
    .map((f) => f.key)
}

/** An answer in words, as the timeline and the export print it: `家人`, `地段、价格`. */
export function visitAnswerWords(
  field: VisitField,
  value: string | string[] | undefined,
  locale: Locale,
): string {
  if (value === undefined) return ''
  if (field.kind === 'text') return String(value)
  const list = Array.isArray(value) ? value : [value]
  const sep = locale === 'zh-CN' ? '、' : ', '
  return list.map((v) => field.choices?.find((x) => x.value === v)?.label[locale] ?? v).join(sep)
}
