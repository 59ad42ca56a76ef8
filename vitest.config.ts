import path from 'node:path'

import { defineConfig } from 'vitest/config'

// Files named `*.postgres.test.ts` run on a throwaway PostgreSQL database each, `*.mongodb.test.ts` on
// MONGODB_URL when it is set; every other file on a throwaway SQLite file.
const onPostgres = 'tests/**/*.postgres.test.ts'
const onMongodb = 'tests/**/*.mongodb.test.ts'

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts'),
      '@': path.resolve(import.meta.dirname),
    },
  },
  test: {
    environment: 'node',
    pool: 'forks',
    // Generous, so that only a hang fails by time: the suite must pass while other work shares the CPUs,
    // where one test took 22 s of the former 30 s at a load average of 14.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/contract/**/*.test.ts',
            'tests/int/**/*.test.ts',
            'tests/security/**/*.test.ts',
            'tests/seeds/**/*.test.ts',
          ],
          exclude: [onPostgres, onMongodb],
          setupFiles: ['tests/setup/throwawayDatabase.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [onPostgres],
          setupFiles: ['tests/setup/throwawayPostgresDatabase.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'mongodb',
          include: [onMongodb],
          setupFiles: ['tests/setup/mongodbDatabase.ts'],
        },
      },
    ],
  },
})
