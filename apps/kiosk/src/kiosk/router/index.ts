import { createRouter, createWebHistory } from 'vue-router'
import { useDeviceStore } from '../../common/stores/device'
import KioskPairingPage from '../pages/KioskPairingPage.vue'
import KioskWelcomePage from '../pages/KioskWelcomePage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** The screens a kiosk rests on; every other screen returns to welcome when left idle. */
    stayWhenIdle?: boolean
    /** Reachable without a device token. */
    unpaired?: boolean
  }
}

export function createKioskRouter() {
  const router = createRouter({
    // Matches apps/server/src/static.ts: every /kiosk/* path reloads to this app.
    history: createWebHistory('/kiosk/'),
    routes: [
      { path: '/', name: 'welcome', component: KioskWelcomePage, meta: { stayWhenIdle: true } },
      {
        path: '/pair',
        name: 'pair',
        component: KioskPairingPage,
        meta: { stayWhenIdle: true, unpaired: true },
      },
      // Loaded on first use: the welcome screen must appear fast on a cheap tablet.
      { path: '/check-in', name: 'checkIn', component: () => import('../pages/KioskCheckInPage.vue') },
      {
        path: '/consultant',
        name: 'consultant',
        component: () => import('../pages/KioskConsultantPage.vue'),
      },
      // A bookmarked or mistyped address lands on the start, never on a blank screen.
      { path: '/:unknown(.*)*', redirect: { name: 'welcome' } },
    ],
  })

  // A kiosk without a token can only be paired; a paired one has no business on the pairing screen.
  router.beforeEach((to) => {
    const device = useDeviceStore()
    if (!device.token && !to.meta.unpaired) return { name: 'pair', replace: true }
    if (device.token && to.meta.unpaired) return { name: 'welcome', replace: true }
    return true
  })

  return router
}
