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
    include: [
      'tests/unit/**/*.test.ts',
      'tests/contract/**/*.test.ts',
      'tests/int/**/*.test.ts',
      'tests/security/**/*.test.ts',
      'tests/seeds/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/setup/throwawayDatabase.ts'],
    pool: 'forks',
    // Generous, so that only a hang fails by time: the suite must pass while other work shares the CPUs,
    // where one test took 22 s of the former 30 s at a load average of 14.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
