// The delivery store on a thread of its own: libsql is synchronous, so claims and outcome writes run
// here, on their own connection, while the worker's event loop only sends HTTP.
import { parentPort, workerData } from 'node:worker_threads'

import { createClient } from '@libsql/client'

import { createSqliteDeliveryStore } from './sqliteDeliveryStore'
import type { DeliveryStore } from './deliveryStore'

export type StoreThreadRequest = { id: number; method: keyof DeliveryStore; args: unknown[] }
export type StoreThreadReply = {
  id: number
  result?: unknown
  error?: { message: string; code?: string }
}

const { databaseUrl, busyTimeoutMs } = workerData as { databaseUrl: string; busyTimeoutMs: number }
const client = createClient({ url: databaseUrl })
const ready = client.execute(`PRAGMA busy_timeout = ${Number(busyTimeoutMs)}`)
const store = createSqliteDeliveryStore(client)

parentPort!.on('message', async ({ id, method, args }: StoreThreadRequest) => {
  try {
    await ready
    const call = store[method] as (...callArgs: unknown[]) => Promise<unknown>
    parentPort!.postMessage({ id, result: await call(...args) } satisfies StoreThreadReply)
  } catch (error) {
    const failure = error as Error & { code?: string }
    parentPort!.postMessage({
      id,
      error: { message: failure.message, code: failure.code },
    } satisfies StoreThreadReply)
  }
})
