// Applies committed migrations; every process that owns a start-up (start, dev, seed, worker, tests) calls it.
import type { Migration, Payload } from 'payload'

import { migrations } from '@/migrations'

export async function runMigrations(payload: Payload): Promise<void> {
  // MongoDB has no schema to migrate: Payload's mongoose adapter builds the indexes itself on connect.
  if (payload.db.name === 'mongoose') return
  // Passed in rather than read from disk, so bundled and test runtimes that cannot import .ts still work.
  // The SQLite migrations are typed with the SQLite adapter's own arguments, a subtype Payload cannot see.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
