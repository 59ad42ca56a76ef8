// The pg pool behind Payload's PostgreSQL adapter: the hot-path stores run their SQL on it, so web and
// worker processes keep one pool each (DATABASE_POOL_MAX connections).
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Pool } from 'pg'
import type { Payload } from 'payload'

export const isPostgres = (payload: Payload): boolean => payload.db.name === 'postgres'

export function postgresPoolOf(payload: Payload): Pool {
  return (payload.db as unknown as PostgresAdapter).pool as unknown as Pool
}
