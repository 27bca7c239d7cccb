/**
 * Who a sale counts for (业绩归属): the customer's owner; when the visit it came from was a stand-in's
 * duty reception on the owner's behalf (代接), the two share it by the project's on-behalf share.
 */
export interface CreditShare {
  consultantId: string
  percent: number
}

export function creditSplit(
  ownerId: string,
  standInId: string | null,
  ownerSharePercent: number,
): CreditShare[] {
  if (!standInId || standInId === ownerId || ownerSharePercent >= 100)
    return [{ consultantId: ownerId, percent: 100 }]
  if (ownerSharePercent <= 0) return [{ consultantId: standInId, percent: 100 }]
  return [
    { consultantId: ownerId, percent: ownerSharePercent },
    { consultantId: standInId, percent: 100 - ownerSharePercent },
  ]
}

/** A consultant's part of a deal's count and amount: a half-credited signing is 0.5 of a unit. */
export function creditOf(credit: readonly CreditShare[], consultantId: string): number {
  return (credit.find((c) => c.consultantId === consultantId)?.percent ?? 0) / 100
}
