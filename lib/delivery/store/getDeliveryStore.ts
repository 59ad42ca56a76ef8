// Picks the delivery store that matches Payload's database adapter.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { DeliveryStore } from './deliveryStore'
import { createMongoDeliveryStore } from './mongoDeliveryStore'
import { createSqliteDeliveryStore } from './sqliteDeliveryStore'

const stores = new WeakMap<Payload, DeliveryStore>()

export function getDeliveryStore(payload: Payload): DeliveryStore {
  const cached = stores.get(payload)
  if (cached) return cached
  const store =
    payload.db.name === 'mongoose'
      ? createMongoDeliveryStore(payload.db as unknown as MongooseAdapter)
      : createSqliteDeliveryStore((payload.db as unknown as SQLiteAdapter).client)
  stores.set(payload, store)
  return store
}
