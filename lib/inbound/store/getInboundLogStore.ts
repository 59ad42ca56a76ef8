// Picks the inbound log store that matches Payload's database adapter, and its group-commit writer.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { createGroupCommit, type GroupCommit } from '@/lib/batching/createGroupCommit'
import { storeThreadOf } from '@/lib/storeThread/storeThreadRegistry'
import { getWakeNotifier } from '@/lib/wakeups/getWakeNotifier'
import type { InboundLogStore, InsertedInboundLog, NewInboundLog } from './inboundLogStore'
import { createMongoInboundLogStore } from './mongoInboundLogStore'
import { createSqliteInboundLogStore } from './sqliteInboundLogStore'

const MAX_BATCH = 256
const stores = new WeakMap<Payload, InboundLogStore>()
const writers = new WeakMap<Payload, GroupCommit<NewInboundLog, InsertedInboundLog>>()

export function getInboundLogStore(payload: Payload): InboundLogStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      storeThreadOf(payload)?.inbound ??
      (payload.db.name === 'mongoose'
        ? createMongoInboundLogStore(payload.db as unknown as MongooseAdapter)
        : createSqliteInboundLogStore((payload.db as unknown as SQLiteAdapter).client))
    stores.set(payload, store)
  }
  return store
}

export function getInboundLogWriter(
  payload: Payload,
): GroupCommit<NewInboundLog, InsertedInboundLog> {
  let writer = writers.get(payload)
  if (!writer) {
    const store = getInboundLogStore(payload)
    const notifier = getWakeNotifier(payload)
    writer = createGroupCommit(
      async (rows: NewInboundLog[]) => {
        const inserted = await store.insertLogs(rows)
        // Stored callbacks to process wake the workers on this host once committed.
        if (rows.some((row, index) => row.status === 'received' && !inserted[index].duplicateOf))
          notifier.notify('inbound')
        return inserted
      },
      { maxBatch: MAX_BATCH },
    )
    writers.set(payload, writer)
  }
  return writer
}
