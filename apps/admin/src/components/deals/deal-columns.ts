import { h } from 'vue'
import { RouterLink } from 'vue-router'
import type { DataTableColumns } from 'naive-ui'

type Translate = (key: string) => string
interface DealRow {
  dealId: string
  unit: string
  customerName: string
  consultantName: string
}

/**
 * The columns a list of deals opens with (成交台账, 按揭/产权): the unit as a link to the deal, the
 * customer, and the consultant unless the list is a consultant's own.
 */
export function dealLeadColumns<R extends DealRow>(
  t: Translate,
  withConsultant: boolean,
): DataTableColumns<R> {
  return [
    {
      title: t('deals.columns.unit'),
      key: 'unit',
      minWidth: 140,
      fixed: 'left',
      render: (r) =>
        h(
          RouterLink,
          {
            to: { name: 'deal', params: { dealId: r.dealId } },
            class: 'deal-link',
            'data-testid': 'deal-link',
          },
          { default: () => r.unit },
        ),
    },
    {
      title: t('deals.columns.customer'),
      key: 'customerName',
      minWidth: 90,
      render: (r) => r.customerName || t('customers.nameless'),
    },
    ...(withConsultant ? [{ title: t('deals.columns.consultant'), key: 'consultantName', width: 90 }] : []),
  ]
}
