import type { ChannelReportStatus } from '@anchang/shared'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** A channel report's status as a tag. */
export function reportStatusType(status: ChannelReportStatus): 'success' | 'info' | 'warning' | 'default' {
  switch (status) {
    case 'valid':
      return 'info'
    case 'visited':
    case 'dealt':
      return 'success'
    case 'invalid':
      return 'warning'
    case 'expired':
      return 'default'
  }
}

/** Why a report is invalid: 到访为王 comes as a code, a manager's reason as they wrote it. */
export function invalidReasonWords(reason: string | null, t: Translate): string {
  if (!reason) return ''
  return reason === 'visitedBefore' ? t('channelReports.visitedBefore') : reason
}
