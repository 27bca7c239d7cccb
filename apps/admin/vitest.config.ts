import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Writing and reading back a real .xlsx loads exceljs (~1 MB); on a busy 2-core machine that
    // alone can pass vitest's 5 s default.
    testTimeout: 20_000,
  },
})
