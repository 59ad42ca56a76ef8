// Applies committed migrations; every process that owns a start-up (start, dev, seed, tests) calls it.
import type { Payload } from 'payload'

export async function runMigrations(payload: Payload): Promise<void> {
  await payload.db.migrate()
}
