// One hub run: N real worker processes running, then events published through publishEvent while they
// deliver, as the web process would publish them.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { publishEvent } from '@/lib/events/publishEvent'
import { THROUGHPUT_EVENT_TYPE, benchJobData } from './benchEvents'
import { eventsFor, type DeliveryRunContext } from './deliveryRunContext'
import { summarizeRun, waitForCount, type DeliveryRunResult } from './deliveryRunResult'
import { publishAtRate } from './publishAtRate'
import { preciseNow } from './receiverProtocol'
import { spawnHubWorker } from './spawnHubWorker'
import { startWorkerGroup } from './startWorkerGroup'

function sqliteClient(payload: Payload): SQLiteAdapter['client'] {
  return (payload.db as unknown as SQLiteAdapter).client
}

async function countSucceeded(payload: Payload): Promise<number> {
  const result = await sqliteClient(payload).execute(
    "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'succeeded'",
  )
  return Number(result.rows[0].n)
}

export async function runHubDelivery(
  payload: Payload,
  context: DeliveryRunContext,
): Promise<DeliveryRunResult> {
  // Every run starts from an empty table, so no run pays for an earlier one's rows.
  await sqliteClient(payload).execute('DELETE FROM webhook_deliveries')
  const events = eventsFor(context)
  const expected = events * context.subscriptions.length
  const group = await startWorkerGroup(context.workers, () =>
    spawnHubWorker(context.tuning, { cpuProfileDir: context.cpuProfileDir }),
  )
  try {
    const { reached } = context.receiver.expect(expected, {
      timeoutMs: context.timeoutMs,
      failFraction: context.failFraction,
    })
    const publish = await publishAtRate(
      {
        events,
        deliveriesPerEvent: context.subscriptions.length,
        deliveriesPerSecond: context.publishRate,
      },
      async (index) => {
        const published = await publishEvent(payload, {
          event_type: THROUGHPUT_EVENT_TYPE,
          data: benchJobData(context.label, index),
        })
        if (published.deliveries_created !== context.subscriptions.length) {
          throw new Error(`event ${index} created ${published.deliveries_created} deliveries`)
        }
      },
    )
    const tally = await reached
    const recordedAt = await waitForCount(
      () => countSucceeded(payload),
      expected,
      120_000,
      preciseNow,
    )
    return summarizeRun(
      {
        system: 'hub',
        workers: context.workers,
        round: context.round,
        failFraction: context.failFraction,
      },
      tally,
      { group, publish, recordedAt, peakRssMb: group.peakRssMb() },
    )
  } finally {
    await group.stop()
  }
}
