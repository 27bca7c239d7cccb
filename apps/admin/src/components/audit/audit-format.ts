/** `staff.create:failed` → the procedure path and whether it failed. */
export function parseAuditAction(action: string): { path: string; failed: boolean } {
  const failed = action.endsWith(':failed')
  return { path: failed ? action.slice(0, -':failed'.length) : action, failed }
}

/** The input as one line of JSON; cut with an ellipsis past `max` characters when given. */
export function compactSummary(summary: unknown, max?: number): string {
  if (summary === null || summary === undefined) return ''
  const text = typeof summary === 'string' ? summary : (JSON.stringify(summary) ?? '')
  if (text === '{}') return ''
  return max !== undefined && text.length > max ? `${text.slice(0, max)}…` : text
}

/** `{ auth: { login: '…' } }` → `['auth.login']`: the actions the locale has a label for. */
export function labelledActions(tree: Record<string, Record<string, string>>): string[] {
  return Object.entries(tree).flatMap(([domain, verbs]) =>
    Object.keys(verbs).map((verb) => `${domain}.${verb}`),
  )
}
