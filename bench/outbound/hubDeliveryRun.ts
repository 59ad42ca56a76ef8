// One hub throughput run: a backlog published through publishEvent, drained by one real worker process.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { publishEvent } from '@/lib/events/publishEvent'
import { THROUGHPUT_EVENT_TYPE, benchJobData } from './benchEvents'
import { summarizeRun, waitForCount, type DeliveryRunResult } from './deliveryRunResult'
import { preciseNow } from './receiverProtocol'
import type { SeededSubscription } from './seedSubscriptions'
import { spawnHubWorker, type WorkerTuning } from './spawnHubWorker'
import type { ReceiverHandle } from './startReceiverProcess'

export type HubRunContext = {
  payload: Payload
  receiver: ReceiverHandle
  subscriptions: SeededSubscription[]
  deliveries: number
  tuning: WorkerTuning
  label: string
  cpuProfileDir?: string
}

function sqliteClient(payload: Payload): SQLiteAdapter['client'] {
  return (payload.db as unknown as SQLiteAdapter).client
}

async function countSucceeded(payload: Payload): Promise<number> {
  const result = await sqliteClient(payload).execute(
    "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'succeeded'",
  )
  return Number(result.rows[0].n)
}

/** Every run starts from an empty deliveries table, so no run pays for an earlier one's rows. */
async function publishBacklog(context: HubRunContext): Promise<number> {
  await sqliteClient(context.payload).execute('DELETE FROM webhook_deliveries')
  const events = Math.ceil(context.deliveries / context.subscriptions.length)
  let created = 0
  for (let index = 0; index < events; index += 1) {
    const published = await publishEvent(context.payload, {
      event_type: THROUGHPUT_EVENT_TYPE,
      data: benchJobData(context.label, index),
    })
    created += published.deliveries_created
  }
  return created
}

export async function runHubDelivery(context: HubRunContext): Promise<DeliveryRunResult> {
  const expected = await publishBacklog(context)
  const { reached } = context.receiver.expect(expected, 300_000)
  const worker = await spawnHubWorker(context.tuning, { cpuProfileDir: context.cpuProfileDir })
  try {
    const tally = await reached
    const recordedAt = await waitForCount(
      () => countSucceeded(context.payload),
      expected,
      60_000,
      preciseNow,
    )
    return summarizeRun('hub', tally, worker, recordedAt, worker.memory())
  } finally {
    await worker.stop()
  }
}
