/** `customers.ignoredLeads` as one list, the longest left alone first within each kind. */
export interface LeadRow {
  key: string
  kind: 'newWithoutFollowUp' | 'openReception'
  customerId: string | null
  name: string
  consultantName: string
  since: string
  /** Hours for a new customer, minutes for an open reception. */
  elapsed: number
}

interface Leads {
  newWithoutFollowUp: { customerId: string; name: string; ownerName: string; since: string; hours: number }[]
  openReceptions: {
    receptionId: string
    consultantName: string
    customerId: string | null
    customerName: string | null
    since: string
    minutes: number
  }[]
}

export function leadRows(leads: Leads): LeadRow[] {
  return [
    ...[...leads.openReceptions]
      .sort((a, b) => b.minutes - a.minutes)
      .map(
        (r): LeadRow => ({
          key: `r:${r.receptionId}`,
          kind: 'openReception',
          customerId: r.customerId,
          name: r.customerName ?? '',
          consultantName: r.consultantName,
          since: r.since,
          elapsed: r.minutes,
        }),
      ),
    ...[...leads.newWithoutFollowUp]
      .sort((a, b) => b.hours - a.hours)
      .map(
        (c): LeadRow => ({
          key: `c:${c.customerId}`,
          kind: 'newWithoutFollowUp',
          customerId: c.customerId,
          name: c.name,
          consultantName: c.ownerName,
          since: c.since,
          elapsed: c.hours,
        }),
      ),
  ]
}
