// The loops one worker process runs, wired to this process's configuration.
import type { Payload } from 'payload'
import { Agent } from 'undici'

import type { HubEnv } from '@/lib/config/env'
import { createDeliveryLoop } from '@/lib/delivery/deliveryLoop'
import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'
import { isSqliteUrl } from '@/lib/config/env'
import { createInboundProcessingLoop } from '@/lib/inbound/inboundProcessingLoop'
import { getInboundLogStore } from '@/lib/inbound/store/getInboundLogStore'
import { getJobStateStore } from '@/lib/jobs/store/getJobStateStore'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { createOrphanPollerLoop } from '@/lib/jobs/orphanPollerLoop'
import type { WorkerLoop } from './runWorker'
import { startSqliteStoreThread } from '@/lib/storeThread/startSqliteStoreThread'
import { routeStoresThroughThread } from '@/lib/storeThread/storeThreadRegistry'

// Callbacks processed per batch: one job-state transaction each (a few ms at this size).
const INBOUND_BATCH_SIZE = 200

export function createDeliveryHttpClient(env: HubEnv) {
  const guard = createSsrfGuard({ allowPrivateTargets: env.ALLOW_PRIVATE_TARGETS })
  const dispatcher = new Agent({
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connections: env.WORKER_SUBSCRIPTION_CONCURRENCY,
    connect: { lookup: guard.lookup, timeout: Math.min(10_000, env.DELIVERY_TIMEOUT_MS) },
  })
  return { dispatcher, guard, timeoutMs: env.DELIVERY_TIMEOUT_MS }
}

export function createWorkerLoops(payload: Payload, env: HubEnv, workerId: string): WorkerLoop[] {
  // SQLite work leaves the event loop (libsql is synchronous); the PostgreSQL and MongoDB drivers are
  // already async.
  // Every store of this Payload instance is looked up after this, so the loops and the worker's own
  // publishes (webhook.disabled, orphan polls) all take the thread.
  if (isSqliteUrl(env.DATABASE_URL))
    routeStoresThroughThread(payload, startSqliteStoreThread(env.DATABASE_URL, 10_000))
  const deliveryLoop = createDeliveryLoop(payload, {
    workerId,
    store: getDeliveryStore(payload),
    http: createDeliveryHttpClient(env),
    concurrency: env.WORKER_CONCURRENCY,
    perSubscriptionConcurrency: env.WORKER_SUBSCRIPTION_CONCURRENCY,
    leaseMs: env.DELIVERY_LEASE_MS ?? env.DELIVERY_TIMEOUT_MS * 2,
    idlePollMs: env.DELIVERY_POLL_MS,
    claimBatchSize: 100,
  })
  return [
    deliveryLoop,
    createInboundProcessingLoop(payload, {
      workerId,
      leaseMs: 60_000,
      idlePollMs: env.DELIVERY_POLL_MS,
      batchSize: INBOUND_BATCH_SIZE,
      context: createProviderContext(),
      logStore: getInboundLogStore(payload),
      jobStore: getJobStateStore(payload),
      onDeliveriesCreated: () => deliveryLoop.nudge?.(),
    }),
    createOrphanPollerLoop(payload, {
      orphanAfterMs: env.ORPHAN_AFTER_MS,
      intervalMs: env.ORPHAN_POLL_INTERVAL_MS,
      batchSize: 20,
      maxBackoffMs: 6 * 60 * 60 * 1000,
      context: createProviderContext(),
    }),
  ]
}
