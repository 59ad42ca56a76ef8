// A process's SQLite hot-path stores as async proxies to sqliteStoreThread.ts, so waiting for the write
// lock or running a batch never blocks the process's event loop.
import { Worker } from 'node:worker_threads'

import type { DeliveryStore } from '@/lib/delivery/store/deliveryStore'
import type { InboundLogStore } from '@/lib/inbound/store/inboundLogStore'
import type { JobStateStore } from '@/lib/jobs/store/jobStateStore'
import type { MediaStore } from '@/lib/media/store/mediaStore'
import type { StoreName, StoreThreadReply, StoreThreadRequest } from './sqliteStoreThread'

export type SqliteStoreThread = {
  delivery: DeliveryStore
  inbound: InboundLogStore
  jobs: JobStateStore
  media: MediaStore
  close(): Promise<number>
}

/** Without its store thread a process cannot store or claim anything: by default it exits, so that its
 * supervisor restarts it (nothing is lost: unanswered requests were never acknowledged, leases expire). */
function exitProcess(error: Error): void {
  console.error('[store-thread] stopped; exiting so the process is restarted', error)
  process.exit(1)
}

export function startSqliteStoreThread(
  databaseUrl: string,
  busyTimeoutMs: number,
  options: { onStopped?: (error: Error) => void } = {},
): SqliteStoreThread {
  // Loader hooks (tsx) are per thread: the thread registers them before importing its TypeScript entry.
  const entry = new URL('./sqliteStoreThread.ts', import.meta.url).href
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
  let stopped: Error | null = null
  let closing = false
  const stop = (error: Error) => {
    if (stopped) return
    stopped = error
    for (const waiter of pending.values()) waiter.reject(error)
    pending.clear()
    if (!closing) (options.onStopped ?? exitProcess)(error)
  }
  thread.on('error', stop)
  thread.on('exit', (code) => stop(new Error(`the SQLite store thread exited (code ${code})`)))

  const call =
    (store: StoreName, method: string) =>
    (...args: unknown[]) =>
      new Promise<unknown>((resolve, reject) => {
        if (stopped) return reject(stopped)
        const id = nextId++
        pending.set(id, { resolve, reject })
        thread.postMessage({ id, store, method, args } satisfies StoreThreadRequest)
      })

  const proxy = <Store>(store: StoreName, methods: (keyof Store & string)[]) =>
    Object.fromEntries(methods.map((method) => [method, call(store, method)])) as unknown as Store

  return {
    delivery: proxy<DeliveryStore>('delivery', [
      'insertEvents',
      'claimDueDeliveries',
      'recordOutcomes',
      'requeueDeliveries',
      'releaseDeliveries',
      'setSubscriptionFailingSince',
    ]),
    inbound: proxy<InboundLogStore>('inbound', ['insertLogs', 'claimLogs', 'recordLogOutcomes']),
    jobs: proxy<JobStateStore>('jobs', ['applyJobUpdates']),
    media: proxy<MediaStore>('media', ['recordMedia']),
    close: () => {
      closing = true
      return thread.terminate()
    },
  }
}
