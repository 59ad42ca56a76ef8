// Picks the delivery store that matches Payload's database adapter.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { storeThreadOf } from '@/lib/storeThread/storeThreadRegistry'
import { getWakeNotifier, type WakeNotifier } from '@/lib/wakeups/getWakeNotifier'
import type { DeliveryStore } from './deliveryStore'
import { createMongoDeliveryStore } from './mongoDeliveryStore'
import { createSqliteDeliveryStore } from './sqliteDeliveryStore'

const stores = new WeakMap<Payload, DeliveryStore>()

// Writes that make deliveries due wake the workers on this host once committed.
function signalNewDeliveries(store: DeliveryStore, notifier: WakeNotifier): DeliveryStore {
  return {
    ...store,
    async insertEvents(events, deliveries, now) {
      const inserted = await store.insertEvents(events, deliveries, now)
      if (inserted.deliveryIds.length > 0) notifier.notify('delivery')
      return inserted
    },
    async requeueDeliveries(selection, now) {
      const ids = await store.requeueDeliveries(selection, now)
      if (ids.length > 0) notifier.notify('delivery')
      return ids
    },
  }
}

export function getDeliveryStore(payload: Payload): DeliveryStore {
  const cached = stores.get(payload)
  if (cached) return cached
  const store = signalNewDeliveries(
    storeThreadOf(payload)?.delivery ??
      (payload.db.name === 'mongoose'
        ? createMongoDeliveryStore(payload.db as unknown as MongooseAdapter)
        : createSqliteDeliveryStore((payload.db as unknown as SQLiteAdapter).client)),
    getWakeNotifier(payload),
  )
  stores.set(payload, store)
  return store
}
