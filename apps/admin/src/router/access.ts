import { ROLES, STAFF_ROLES, type Role } from '@anchang/shared'

export const PAGES = [
  'home',
  'reception',
  'floor',
  'receptionLog',
  'appeals',
  'customers',
  'units',
  'deals',
  'paperwork',
  'targets',
  'reports',
  'approvals',
  'dayClose',
  'conflicts',
  'channelReports',
  'surveys',
  'customerImport',
  'unitImport',
  'staff',
  'devices',
  'settings',
  'projects',
  'audit',
] as const
export type PageKey = (typeof PAGES)[number]

/** Who may open each page; the server checks every call again, this only keeps the menus honest. */
export const PAGE_ROLES: Record<PageKey, readonly Role[]> = {
  home: ROLES,
  // Only consultants are in the rotation; managers see everyone's receptions on the floor instead.
  reception: ['consultant'],
  floor: ['director', 'manager'],
  receptionLog: ['director', 'manager'],
  appeals: ['director', 'manager'],
  // The front-desk phone and the customer lookup are for whoever picks up.
  customers: STAFF_ROLES,
  // 销控表: the office's live inventory; consultants subscribe from it, the board shows it too.
  units: STAFF_ROLES,
  // 成交: a consultant's list holds their own deals (the server keeps it so).
  deals: STAFF_ROLES,
  // 按揭/产权: the assistants' list to chase; a consultant's holds their own signed deals (the server keeps it so).
  paperwork: STAFF_ROLES,
  // 指标: the director sets them; the office reads them, a consultant their own row (the server keeps it so).
  targets: STAFF_ROLES,
  // 日报: the assistant prepares it, the managers and the director read and sign it (the manual's duties).
  reports: ['director', 'manager', 'assistant'],
  // 特价 and changes of a deal are the director's to decide; managers follow them.
  approvals: ['director', 'manager'],
  // 日结: consultants close their own day; the office (assistant, manager, director) checks who has.
  dayClose: ['director', 'manager', 'assistant', 'consultant'],
  // 撞单 are the managers' to rule on (DOMAIN.md "Customers and ownership").
  conflicts: ['director', 'manager'],
  // The one page of the office a partner agency opens: its own reports.
  channelReports: ROLES,
  // The director writes them; everyone in the office fills them in with customers.
  surveys: STAFF_ROLES,
  // An old book brought in from Excel: the office's back room, not the consultants'.
  customerImport: ['director', 'manager', 'assistant'],
  // The unit list is set up by the office (price-list execution is the assistant's).
  unitImport: ['director', 'manager', 'assistant'],
  staff: ['director', 'manager', 'assistant'],
  devices: ['director', 'manager'],
  settings: ['director', 'manager'],
  projects: ['director'],
  audit: ['director'],
}

export function isPageKey(name: unknown): name is PageKey {
  return typeof name === 'string' && (PAGES as readonly string[]).includes(name)
}

export function canOpen(role: Role, page: PageKey): boolean {
  return PAGE_ROLES[page].includes(role)
}

/** The side navigation of a role, in menu order. */
export function navFor(role: Role): PageKey[] {
  return PAGES.filter((page) => canOpen(role, page))
}

/** Where to go after signing in: only a path inside this app, never another site or the sign-in page. */
export function safeRedirect(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\'))
    return '/'
  if (raw === '/login' || raw.startsWith('/login?')) return '/'
  return raw
}
