// `npm run test:readme`: README.md's examples run against the built app, after the e2e stage built it.
// Its own file rather than an import of vitest.config.ts, which Vite's native config loader would flag.
import path from 'node:path'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts'),
      '@': path.resolve(import.meta.dirname),
    },
  },
  test: {
    include: ['tests/readme/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
})
