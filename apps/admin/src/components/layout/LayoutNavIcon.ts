import { h } from 'vue'
import type { PageKey } from '../../router/access'

/** Outline icons drawn inline: the collapsed menu shows only these, and no icon font is shipped. */
const PATHS: Record<PageKey, string> = {
  home: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  reception: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 21h4',
  floor: 'M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1',
  receptionLog: 'M9 3h6v3H9zM7 4.5H5V21h14V4.5h-2M8 11h8M8 15h8M8 19h5',
  appeals: 'M4 5h16v11H9l-5 4zM12 8v3M12 13.5v.5',
  customers: 'M6 3h12v18H6zM4 7h2M4 12h2M4 17h2M12 8a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM9 16.5a3 3 0 0 1 6 0',
  dayClose: 'M5 4h14v17H5zM9 2v4M15 2v4M8.5 13l2.5 2.5 4.5-5',
  conflicts: 'M4 8h12l-3-3M20 16H8l3 3',
  channelReports: 'M4 10v4h3l6 4V6l-6 4zM17 9a4 4 0 0 1 0 6M19.5 6.5a7.5 7.5 0 0 1 0 11',
  surveys: 'M7 3h10v18H7zM10 8h4M10 12h4M10 16h2M4 8h1M4 12h1',
  customerImport: 'M12 3v12M7 10l5 5 5-5M4 17v3h16v-3',
  units: 'M4 3h16v18H4zM4 9h16M4 15h16M9.5 3v18M14.5 3v18',
  deals: 'M7 3h10v18l-2.5-1.5L12 21l-2.5-1.5L7 21zM10 8h4M10 12h4M10 16h2',
  paperwork: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13l2 2 4-4M9 18h6',
  targets:
    'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM12 11a1 1 0 1 1 0 2 1 1 0 0 1 0-2z',
  reports: 'M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-7M20 16v-3',
  approvals: 'M9 12l2 2 4-4M12 3l7 3v6c0 4.5-3 7.5-7 9-4-1.5-7-4.5-7-9V6z',
  unitImport: 'M4 3h16v10H4zM9.5 3v10M14.5 3v10M12 14v7M9 18l3 3 3-3',
  staff: 'M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM4 21a8 8 0 0 1 16 0',
  devices: 'M4 4h16v11H4zM9 20h6M12 15v5',
  settings: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
  projects: 'M3 21V7l6-4 6 4v14M15 21V11h6v10M3 21h18M7 10h4M7 14h4',
  audit: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
}

export function navIcon(page: PageKey) {
  return () =>
    h(
      'svg',
      {
        viewBox: '0 0 24 24',
        width: '1em',
        height: '1em',
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': 1.8,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
        'aria-hidden': 'true',
      },
      [h('path', { d: PATHS[page] })],
    )
}
