// Picks the metrics store that matches Payload's database adapter.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { readEnv } from '@/lib/config/env'
import type { MetricsStore } from './metricsStore'
import { createMongoMetricsStore } from './mongoMetricsStore'
import { shareSnapshots } from './sharedSnapshot'
import { createSqliteMetricsStore } from './sqliteMetricsStore'

const stores = new WeakMap<Payload, MetricsStore>()

export function getMetricsStore(payload: Payload): MetricsStore {
  const cached = stores.get(payload)
  if (cached) return cached
  const store = shareSnapshots(
    payload.db.name === 'mongoose'
      ? createMongoMetricsStore(payload.db as unknown as MongooseAdapter)
      : createSqliteMetricsStore((payload.db as unknown as SQLiteAdapter).client),
    { maxAgeMs: readEnv().METRICS_MAX_AGE_MS },
  )
  stores.set(payload, store)
  return store
}
