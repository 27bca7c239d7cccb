/** What the customer book records about a customer, newest first on their timeline (CONTRACT.md). */
export const ACTIVITY_TYPES = [
  'visit',
  'call',
  'follow_up',
  'questionnaire',
  'subscription',
  'signing',
  'payment',
  'ownership',
] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** How a follow-up reached the customer. */
export const FOLLOW_UP_METHODS = ['call', 'visit', 'wechat', 'sms', 'other'] as const
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number]

/** Why a customer changed hands: an ownership activity says which. */
export const OWNERSHIP_CHANGES = [
  'registered',
  'claimed',
  'assigned',
  'complaint',
  'leaving',
  'conflict',
  'imported',
  'erased',
] as const
export type OwnershipChange = (typeof OWNERSHIP_CHANGES)[number]

/** A channel report's life: 报备有效 → 到访 → 成交, or 无效 with the reason; 过期 is read off the clock. */
export const CHANNEL_REPORT_STATUSES = ['valid', 'visited', 'dealt', 'invalid', 'expired'] as const
export type ChannelReportStatus = (typeof CHANNEL_REPORT_STATUSES)[number]
export type StoredChannelReportStatus = Exclude<ChannelReportStatus, 'expired'>

/** A report is expired once its window has passed without a visit, whoever looks and whenever. */
export function channelReportStatus(
  report: { status: StoredChannelReportStatus; expiresAt: string },
  now: Date,
): ChannelReportStatus {
  return report.status === 'valid' && Date.parse(report.expiresAt) <= now.getTime()
    ? 'expired'
    : report.status
}
