// Runs the real inbound processing loop inside a test process: by default on the worker's batched SQLite
// stores (a connection of their own, as the worker's store thread has), or on Payload's Local API.
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'

import { createInboundProcessingLoop } from '@/lib/inbound/inboundProcessingLoop'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { getInboundLogStore } from '@/lib/inbound/store/getInboundLogStore'
import { createSqliteInboundLogStore } from '@/lib/inbound/store/sqliteInboundLogStore'
import { createPayloadJobStateStore } from '@/lib/jobs/store/payloadJobStateStore'
import { createSqliteJobStateStore } from '@/lib/jobs/store/sqliteJobStateStore'

export function startTestInboundLoop(
  payload: Payload,
  options: { stores?: 'sqlite' | 'payload'; onDeliveriesCreated?: () => void } = {},
) {
  const client =
    options.stores === 'payload' ? null : createClient({ url: process.env.DATABASE_URL! })
  const ready = client?.execute('PRAGMA busy_timeout = 10000')
  const loop = createInboundProcessingLoop(payload, {
    workerId: 'test-inbound',
    leaseMs: 10_000,
    idlePollMs: 10,
    batchSize: 20,
    context: createProviderContext(),
    logStore: client ? createSqliteInboundLogStore(client) : getInboundLogStore(payload),
    jobStore: client ? createSqliteJobStateStore(client) : createPayloadJobStateStore(payload),
    onDeliveriesCreated: options.onDeliveriesCreated,
  })
  void Promise.resolve(ready).then(() => loop.start())
  return {
    ...loop,
    async drain() {
      await Promise.resolve(ready)
      await loop.drain()
      client?.close()
    },
  }
}
