// Applies committed migrations; every process that owns a start-up (start, dev, seed, worker, tests) calls it.
import type { Migration, Payload } from 'payload'

import { migrations as sqliteMigrations } from '@/migrations'
import { migrations as postgresMigrations } from '@/migrations/postgres'

export async function runMigrations(payload: Payload): Promise<void> {
  // MongoDB has no schema to migrate: Payload's mongoose adapter builds the indexes itself on connect.
  if (payload.db.name === 'mongoose') return
  // Passed in rather than read from disk, so bundled and test runtimes that cannot import .ts still work.
  // Each list is typed with its adapter's own migration arguments, a subtype Payload cannot see.
  const migrations = payload.db.name === 'postgres' ? postgresMigrations : sqliteMigrations
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
