import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  base: '/',
  plugins: [vue()],
  // vue-i18n's compile-time flags: Composition API only (legacy: false), no devtools hooks in production.
  define: {
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: 'dist',
    // exceljs is one ~930 kB chunk, loaded only when someone exports; splitting it further is not possible.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/trpc': 'http://127.0.0.1:3000' },
  },
})
