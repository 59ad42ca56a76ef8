// Picks the metrics store that matches Payload's database adapter.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { MetricsStore } from './metricsStore'
import { createMongoMetricsStore } from './mongoMetricsStore'
import { createSqliteMetricsStore } from './sqliteMetricsStore'

export function getMetricsStore(payload: Payload): MetricsStore {
  return payload.db.name === 'mongoose'
    ? createMongoMetricsStore(payload.db as unknown as MongooseAdapter)
    : createSqliteMetricsStore((payload.db as unknown as SQLiteAdapter).client)
}
