// A DeliveryStore whose SQLite work runs on a worker thread (see deliveryStoreThread.ts).
import { Worker } from 'node:worker_threads'

import type { DeliveryStore } from './deliveryStore'
import type { StoreThreadReply, StoreThreadRequest } from './deliveryStoreThread'

export type ThreadedDeliveryStore = DeliveryStore & { close(): Promise<number> }

export function createThreadedDeliveryStore(
  databaseUrl: string,
  busyTimeoutMs: number,
): ThreadedDeliveryStore {
  // Loader hooks (tsx) are per thread: the thread registers them before importing its TypeScript entry.
  const entry = new URL('./deliveryStoreThread.ts', import.meta.url).href
  const loader = import.meta.resolve('tsx/esm/api')
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
  const thread = new Worker(bootstrap, { eval: true, workerData: { databaseUrl, busyTimeoutMs } })
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 0

  thread.on('message', (reply: StoreThreadReply) => {
    const waiter = pending.get(reply.id)
    if (!waiter) return
    pending.delete(reply.id)
    if (reply.error)
      waiter.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }))
    else waiter.resolve(reply.result)
  })
  thread.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error)
    pending.clear()
  })

  const call = <Result>(method: StoreThreadRequest['method'], args: unknown[]) =>
    new Promise<Result>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      thread.postMessage({ id, method, args } satisfies StoreThreadRequest)
    })

  return {
    insertDeliveries: (rows, now) => call('insertDeliveries', [rows, now]),
    claimDueDeliveries: (request) => call('claimDueDeliveries', [request]),
    recordOutcomes: (workerId, outcomes, now) => call('recordOutcomes', [workerId, outcomes, now]),
    requeueDeliveries: (selection, now) => call('requeueDeliveries', [selection, now]),
    releaseDeliveries: (workerId, ids, now) => call('releaseDeliveries', [workerId, ids, now]),
    setSubscriptionFailingSince: (webhookId, failingSince, now) =>
      call('setSubscriptionFailingSince', [webhookId, failingSince, now]),
    close: () => thread.terminate(),
  }
}
