import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'data/**',
      'migrations/**',
      'payload-types.ts',
      // Payload's generated admin shell; the hub's own admin components below are linted.
      'app/(payload)/admin/**',
      'app/(payload)/api/**',
      'app/(payload)/layout.tsx',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    // The seeds' receiver code is CommonJS, run as the seeds print it.
    files: ['tests/seeds/fixtures/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
]

export default config
