import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '../stores/session'
import { canOpen, isPageKey, safeRedirect, type PageKey } from './access'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** i18n key of the page title. */
    titleKey?: string
    /** A page reached from another (a record from its list): opened by the same roles, lit in the menu as it. */
    within?: PageKey
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../pages/LoginPage.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  // The printables: a sheet of paper each, without the menus around them.
  {
    path: '/receipts/:receiptNo/print',
    name: 'receiptPrint',
    component: () => import('../pages/ReceiptPrintPage.vue'),
    meta: { titleKey: 'receipt.heading', within: 'deals' },
  },
  {
    path: '/deals/:dealId/agreement',
    name: 'dealAgreement',
    component: () => import('../pages/DealAgreementPage.vue'),
    meta: { titleKey: 'agreement.title', within: 'deals' },
  },
  {
    path: '/',
    component: () => import('../components/layout/LayoutShell.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('../pages/HomePage.vue'),
        meta: { titleKey: 'nav.home' },
      },
      {
        path: 'reception',
        name: 'reception',
        component: () => import('../pages/ReceptionPage.vue'),
        meta: { titleKey: 'nav.reception' },
      },
      {
        path: 'floor',
        name: 'floor',
        component: () => import('../pages/FloorPage.vue'),
        meta: { titleKey: 'nav.floor' },
      },
      {
        path: 'reception-log',
        name: 'receptionLog',
        component: () => import('../pages/ReceptionLogPage.vue'),
        meta: { titleKey: 'nav.receptionLog' },
      },
      {
        path: 'appeals',
        name: 'appeals',
        component: () => import('../pages/AppealsPage.vue'),
        meta: { titleKey: 'nav.appeals' },
      },
      {
        path: 'customers',
        name: 'customers',
        component: () => import('../pages/CustomersPage.vue'),
        meta: { titleKey: 'nav.customers' },
      },
      {
        path: 'customers/import',
        name: 'customerImport',
        component: () => import('../pages/CustomerImportPage.vue'),
        meta: { titleKey: 'nav.customerImport' },
      },
      {
        path: 'customers/:customerId',
        name: 'customer',
        component: () => import('../pages/CustomerDetailPage.vue'),
        meta: { titleKey: 'customer.title', within: 'customers' },
      },
      {
        path: 'customers/:customerId/visit',
        name: 'customerVisit',
        component: () => import('../pages/CustomerVisitPage.vue'),
        meta: { titleKey: 'visit.pageTitle', within: 'customers' },
      },
      {
        path: 'units',
        name: 'units',
        component: () => import('../pages/UnitsPage.vue'),
        meta: { titleKey: 'nav.units' },
      },
      {
        path: 'units/import',
        name: 'unitImport',
        component: () => import('../pages/UnitImportPage.vue'),
        meta: { titleKey: 'nav.unitImport' },
      },
      {
        path: 'deals',
        name: 'deals',
        component: () => import('../pages/DealsPage.vue'),
        meta: { titleKey: 'nav.deals' },
      },
      {
        path: 'deals/:dealId',
        name: 'deal',
        component: () => import('../pages/DealPage.vue'),
        meta: { titleKey: 'nav.deals', within: 'deals' },
      },
      {
        path: 'paperwork',
        name: 'paperwork',
        component: () => import('../pages/PaperworkPage.vue'),
        meta: { titleKey: 'nav.paperwork' },
      },
      {
        path: 'targets',
        name: 'targets',
        component: () => import('../pages/TargetsPage.vue'),
        meta: { titleKey: 'nav.targets' },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('../pages/ReportsPage.vue'),
        meta: { titleKey: 'nav.reports' },
      },
      {
        path: 'approvals',
        name: 'approvals',
        component: () => import('../pages/ApprovalsPage.vue'),
        meta: { titleKey: 'nav.approvals' },
      },
      {
        path: 'conflicts',
        name: 'conflicts',
        component: () => import('../pages/ConflictsPage.vue'),
        meta: { titleKey: 'nav.conflicts' },
      },
      {
        path: 'channel-reports',
        name: 'channelReports',
        component: () => import('../pages/ChannelReportsPage.vue'),
        meta: { titleKey: 'nav.channelReports' },
      },
      {
        path: 'day-close',
        name: 'dayClose',
        component: () => import('../pages/DayClosePage.vue'),
        meta: { titleKey: 'nav.dayClose' },
      },
      {
        path: 'surveys',
        name: 'surveys',
        component: () => import('../pages/SurveysPage.vue'),
        meta: { titleKey: 'nav.surveys' },
      },
      {
        path: 'surveys/:surveyId',
        name: 'surveyResults',
        component: () => import('../pages/SurveyResultsPage.vue'),
        meta: { titleKey: 'surveys.results.title', within: 'surveys' },
      },
      {
        path: 'staff',
        name: 'staff',
        component: () => import('../pages/StaffPage.vue'),
        meta: { titleKey: 'nav.staff' },
      },
      {
        path: 'devices',
        name: 'devices',
        component: () => import('../pages/DevicesPage.vue'),
        meta: { titleKey: 'nav.devices' },
      },
      {
        path: 'settings',
        name: 'settings',
        component: () => import('../pages/SettingsPage.vue'),
        meta: { titleKey: 'nav.settings' },
      },
      {
        path: 'projects',
        name: 'projects',
        component: () => import('../pages/ProjectsPage.vue'),
        meta: { titleKey: 'nav.projects' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('../pages/AuditPage.vue'),
        meta: { titleKey: 'nav.audit' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'notFound',
        component: () => import('../pages/NotFoundPage.vue'),
        meta: { titleKey: 'notFound.title' },
      },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const session = useSessionStore()
  try {
    await session.ensureLoaded()
  } catch {
    // The server is unreachable: the sign-in page says so when the person tries.
    session.forget()
  }
  if (to.meta.public) {
    return to.name === 'login' && session.user ? safeRedirect(to.query.redirect) : true
  }
  if (!session.user) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  const page = to.meta.within ?? to.name
  if (isPageKey(page) && !canOpen(session.user.role, page)) {
    return { name: 'home', query: { denied: page } }
  }
  return true
})
