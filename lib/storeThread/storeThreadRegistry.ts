// Which Payload instance routes its hot-path stores through a store thread: set once at process start
// (scripts/web.ts, the worker) before the first store is looked up; tests and Next's instance use none.
import type { Payload } from 'payload'

import type { SqliteStoreThread } from './startSqliteStoreThread'

const threads = new WeakMap<Payload, SqliteStoreThread>()

export function routeStoresThroughThread(payload: Payload, thread: SqliteStoreThread): void {
  threads.set(payload, thread)
}

export function storeThreadOf(payload: Payload): SqliteStoreThread | undefined {
  return threads.get(payload)
}
