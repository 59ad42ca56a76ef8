// One BullMQ peer run: the same backlog of deliveries as jobs in a local Redis, drained by one worker.
import type { Queue } from 'bullmq'

import { buildDelivery, generateEventId } from '@/lib/events/publishEvent'
import { THROUGHPUT_EVENT_TYPE, benchJobData } from './benchEvents'
import type { PeerJobData } from './bullmqPeerJob'
import { summarizeRun, waitForCount, type DeliveryRunResult } from './deliveryRunResult'
import { preciseNow } from './receiverProtocol'
import type { SeededSubscription } from './seedSubscriptions'
import { spawnBullmqWorker } from './spawnBullmqWorker'
import type { WorkerTuning } from './spawnHubWorker'
import type { ReceiverHandle } from './startReceiverProcess'

const ADD_BULK_CHUNK = 1_000

export type BullmqRunContext = {
  queue: Queue<PeerJobData>
  redisPort: number
  targetsFile: string
  receiver: ReceiverHandle
  subscriptions: SeededSubscription[]
  deliveries: number
  tuning: WorkerTuning
  label: string
  cpuProfileDir?: string
}

/** Jobs as the hub's deliveries would be: one per event and subscription, the same payload shape. */
export function buildPeerJob(
  subscription: SeededSubscription,
  event: { eventId: string; eventType: string; data: Record<string, unknown> },
) {
  const delivery = buildDelivery({ id: subscription.id, maxAttempts: 3 }, event, new Date())
  const job: PeerJobData = {
    subscriptionId: String(subscription.id),
    messageId: delivery.messageId,
    eventId: event.eventId,
    eventType: delivery.eventType,
    payload: delivery.payload,
  }
  return {
    name: 'deliver',
    data: job,
    opts: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
  }
}

async function queueBacklog(context: BullmqRunContext): Promise<number> {
  await context.queue.obliterate({ force: true })
  const events = Math.ceil(context.deliveries / context.subscriptions.length)
  const jobs: ReturnType<typeof buildPeerJob>[] = []
  for (let index = 0; index < events; index += 1) {
    const eventId = generateEventId()
    const data = benchJobData(context.label, index)
    for (const subscription of context.subscriptions) {
      jobs.push(buildPeerJob(subscription, { eventId, eventType: THROUGHPUT_EVENT_TYPE, data }))
    }
  }
  for (let start = 0; start < jobs.length; start += ADD_BULK_CHUNK) {
    await context.queue.addBulk(jobs.slice(start, start + ADD_BULK_CHUNK))
  }
  return jobs.length
}

export async function runBullmqDelivery(context: BullmqRunContext): Promise<DeliveryRunResult> {
  const expected = await queueBacklog(context)
  const { reached } = context.receiver.expect(expected, 300_000)
  const worker = await spawnBullmqWorker(context.tuning, {
    redisPort: context.redisPort,
    targetsFile: context.targetsFile,
    cpuProfileDir: context.cpuProfileDir,
  })
  try {
    const tally = await reached
    const recordedAt = await waitForCount(
      () => context.queue.getCompletedCount(),
      expected,
      60_000,
      preciseNow,
    )
    return summarizeRun('bullmq', tally, worker, recordedAt, worker.memory())
  } finally {
    await worker.stop()
  }
}
