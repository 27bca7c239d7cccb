import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

/**
 * The house rules of STYLE.md, enforced: each package imports only what sits below it, the apps
 * reach the API for its types alone, configuration is read in one file, and promises are awaited.
 */
const ours = (...names) => names.map((name) => `@anchang/${name}`)
const forbid = (packages, message) => ({ group: packages, message })
const restrictImports = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
})
/** The browser apps: types alone from the API, nothing of the server's; `extra` for a folder's own limits. */
const appImports = (...extra) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: '@anchang/api',
          allowTypeImports: true,
          message: 'The apps take only types from the API: `import type`.',
        },
      ],
      patterns: [
        forbid(ours('db', 'server'), 'The browser apps reach the server through tRPC only.'),
        ...extra,
      ],
    },
  ],
})

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/db/drizzle/**', '**/test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },

  // Promises are awaited, returned or marked `void` on purpose: a dropped one is a lost write or a
  // swallowed error. Type-aware, so only for TypeScript the compiler sees whole.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  // Configuration is read and checked once, in the server's env.ts (create-t3-turbo's restrictEnvAccess).
  {
    files: ['apps/*/src/**', 'packages/*/src/**'],
    // Tests hand a child server its environment; they read no configuration of their own.
    ignores: ['apps/server/src/env.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in apps/server/src/env.ts and pass it in.',
        },
      ],
    },
  },

  // Who may import whom (STYLE.md, "The house at a glance").
  {
    files: ['packages/shared/src/**'],
    rules: restrictImports(
      forbid(['@anchang/*'], 'packages/shared is the bottom of the house: it imports nothing of ours.'),
    ),
  },
  {
    files: ['packages/db/src/**'],
    rules: restrictImports(
      forbid(ours('api', 'server', 'admin', 'kiosk'), 'packages/db builds on packages/shared only.'),
    ),
  },
  {
    files: ['packages/api/src/**'],
    rules: restrictImports(forbid(ours('server', 'admin', 'kiosk'), 'packages/api never imports an app.')),
  },
  {
    // Verbs run the same from a router, a script or a test: nothing of tRPC reaches them.
    files: ['packages/api/src/services/**', 'packages/api/src/seed/**'],
    // Their tests call through the router, as clients do.
    ignores: ['**/*.test.ts'],
    rules: restrictImports(
      forbid(ours('server', 'admin', 'kiosk'), 'packages/api never imports an app.'),
      forbid(
        ['@trpc/*', '**/trpc', '**/trpc-context', '**/errors', '**/routers/*', '**/root'],
        'Services speak ServiceContext and DomainError; the tRPC boundary maps them.',
      ),
    ),
  },
  { files: ['apps/admin/src/**', 'apps/kiosk/src/**'], rules: appImports() },
  {
    files: ['apps/kiosk/src/common/**'],
    rules: appImports(
      forbid(
        ['**/kiosk/**', '**/board/**'],
        'common/ serves both screens and imports neither kiosk/ nor board/.',
      ),
    ),
  },
  {
    files: ['apps/kiosk/src/kiosk/**'],
    rules: appImports(forbid(['**/board/**'], 'The kiosk and the board share only common/.')),
  },
  {
    files: ['apps/kiosk/src/board/**'],
    rules: appImports(forbid(['**/kiosk/**'], 'The kiosk and the board share only common/.')),
  },
)
