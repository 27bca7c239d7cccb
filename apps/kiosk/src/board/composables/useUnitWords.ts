import { UNIT_STATUS_LABELS, type UnitStatus } from '@anchang/shared'
import { useI18n } from 'vue-i18n'
import { currentLocale } from '../../common/locales'
import { areaText, millionYuanText, wanText } from '../domain/unit-grid'

/**
 * The grid's words and figures in the language on screen: the status as every screen words it
 * (one label set, in @anchang/shared), the total in 万 (in millions on the English screen), the area
 * with two decimals and the floor's average with thousands separators.
 */
export function useUnitWords() {
  const { t } = useI18n()
  return {
    status: (status: UnitStatus) => UNIT_STATUS_LABELS[status][currentLocale()],
    price: (fen: number) => (currentLocale() === 'en' ? millionYuanText(fen) : wanText(fen)),
    area: (areaM2: number) => t('grid.area', { area: areaText(areaM2) }),
    yuanPerM2: (yuan: number) => new Intl.NumberFormat(currentLocale()).format(yuan),
    floor: (floor: number) => (floor < 0 ? `B${-floor}` : String(floor)),
  }
}
