import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * Two pages from one build: the kiosk (`index.html`, served at /kiosk) and the wall board
 * (`board.html`, served at /board). Both load their scripts from /kiosk/assets, which is why the
 * base is /kiosk/ for both; see apps/server/src/static.ts.
 */
export default defineConfig({
  base: '/kiosk/',
  plugins: [vue()],
  define: {
    // Composition API only: dropping the Options API and vue-i18n's legacy API keeps the kiosk's
    // first load small (the budget is 150 KB of gzipped JavaScript, checked after every build).
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    rolldownOptions: {
      input: { kiosk: 'index.html', board: 'board.html' },
    },
  },
  server: {
    // `pnpm dev` here talks to a server started with `pnpm --filter @anchang/server dev`.
    proxy: { '/trpc': 'http://127.0.0.1:3000' },
  },
})
