// Publish → first attempt on an idle queue, hub then BullMQ, each with one booted, idle worker.
import type { Payload } from 'payload'

import { generateEventId, publishEvent } from '@/lib/events/publishEvent'
import { LATENCY_EVENT_TYPE, benchJobData } from './benchEvents'
import { buildPeerJob, type BullmqPeer } from './bullmqDeliveryRun'
import { measureFirstAttemptLatency, type LatencySummary } from './measureFirstAttemptLatency'
import type { SeededSubscription } from './seedSubscriptions'
import { spawnBullmqWorker } from './spawnBullmqWorker'
import { spawnHubWorker, type WorkerHandle, type WorkerTuning } from './spawnHubWorker'
import type { ReceiverHandle } from './startReceiverProcess'

const SETTLE_MS = 1_000
const SPACING_MS = 100

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A worker that has booted and gone idle, so only the poll and the send are timed. */
async function withIdleWorker<T>(start: () => Promise<WorkerHandle>, measure: () => Promise<T>) {
  const worker = await start()
  try {
    await sleep(SETTLE_MS)
    return await measure()
  } finally {
    await worker.stop()
  }
}

export async function measureIdleLatencies(context: {
  payload: Payload
  peer: BullmqPeer
  receiver: ReceiverHandle
  subscription: SeededSubscription
  samples: number
  tuning: WorkerTuning
}): Promise<{ hub: LatencySummary; bullmq: LatencySummary }> {
  const common = {
    receiver: context.receiver,
    subscriptionId: String(context.subscription.id),
    samples: context.samples,
    spacingMs: SPACING_MS,
  }
  const hub = await withIdleWorker(
    () => spawnHubWorker(context.tuning),
    () =>
      measureFirstAttemptLatency({
        ...common,
        publish: async (index) => {
          const data = benchJobData('latency', index)
          const published = await publishEvent(context.payload, {
            event_type: LATENCY_EVENT_TYPE,
            data,
          })
          return published.event_id
        },
      }),
  )
  await context.peer.queue.obliterate({ force: true })
  const bullmq = await withIdleWorker(
    () =>
      spawnBullmqWorker(context.tuning, {
        redisPort: context.peer.redisPort,
        targetsFile: context.peer.targetsFile,
      }),
    () =>
      measureFirstAttemptLatency({
        ...common,
        publish: async (index) => {
          const eventId = generateEventId()
          const data = benchJobData('latency', index)
          const job = buildPeerJob(context.subscription, {
            eventId,
            eventType: LATENCY_EVENT_TYPE,
            data,
          })
          await context.peer.queue.add(job.name, job.data, job.opts)
          return eventId
        },
      }),
  )
  return { hub, bullmq }
}
