// The hot-path SQLite stores on a thread of their own: libsql is synchronous, so claims, outcome writes,
// group-committed inserts and the batched job-state transactions run here, on their own connection,
// while the process's event loop serves HTTP and beats its heartbeat. Calls run one at a time: a
// transaction is never interleaved.
import { parentPort, workerData } from 'node:worker_threads'

import { createClient } from '@libsql/client'

import { createSqliteDeliveryStore } from '@/lib/delivery/store/sqliteDeliveryStore'
import { createSqliteInboundLogStore } from '@/lib/inbound/store/sqliteInboundLogStore'
import { createSqliteJobStateStore } from '@/lib/jobs/store/sqliteJobStateStore'
import { createSqliteMediaStore } from '@/lib/media/store/sqliteMediaStore'

export type StoreName = 'delivery' | 'inbound' | 'jobs' | 'media'
export type StoreThreadRequest = { id: number; store: StoreName; method: string; args: unknown[] }
export type StoreThreadReply = {
  id: number
  result?: unknown
  error?: { message: string; code?: string }
}

const { databaseUrl, busyTimeoutMs } = workerData as { databaseUrl: string; busyTimeoutMs: number }
const client = createClient({ url: databaseUrl })
const stores: Record<StoreName, object> = {
  delivery: createSqliteDeliveryStore(client),
  inbound: createSqliteInboundLogStore(client),
  jobs: createSqliteJobStateStore(client),
  media: createSqliteMediaStore(client),
}

const ready = client.execute(`PRAGMA busy_timeout = ${Number(busyTimeoutMs)}`)
let queue: Promise<unknown> = Promise.resolve()

parentPort!.on('message', ({ id, store, method, args }: StoreThreadRequest) => {
  queue = queue.then(async () => {
    try {
      await ready
      const call = (stores[store] as Record<string, (...callArgs: unknown[]) => Promise<unknown>>)[
        method
      ]
      const result = await call(...args)
      parentPort!.postMessage({ id, result } satisfies StoreThreadReply)
    } catch (error) {
      const failure = error as Error & { code?: string }
      parentPort!.postMessage({
        id,
        error: { message: failure.message, code: failure.code },
      } satisfies StoreThreadReply)
    }
  })
})
