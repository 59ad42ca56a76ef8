// One BullMQ peer run: N worker processes running, then each event's jobs added to a local Redis while
// they deliver, the same deliveries the hub would create.
import type { Queue } from 'bullmq'

import { composeDeliveryPayload } from '@/lib/delivery/composeDeliveryPayload'
import { buildDelivery, buildEvent, generateEventId } from '@/lib/events/publishEvent'
import { THROUGHPUT_EVENT_TYPE, benchJobData } from './benchEvents'
import type { PeerJobData } from './bullmqPeerJob'
import { eventsFor, type DeliveryRunContext } from './deliveryRunContext'
import { summarizeRun, waitForCount, type DeliveryRunResult } from './deliveryRunResult'
import { publishAtRate } from './publishAtRate'
import { preciseNow } from './receiverProtocol'
import type { SeededSubscription } from './seedSubscriptions'
import { spawnBullmqWorker } from './spawnBullmqWorker'
import { startWorkerGroup } from './startWorkerGroup'

/** The hub's default retry policy (3 attempts, 1 s then 2 s); BullMQ adds no jitter, the hub ±20 %. */
export const PEER_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } }

export type BullmqPeer = { queue: Queue<PeerJobData>; redisPort: number; targetsFile: string }

/** Jobs as the hub's deliveries would be: one per event and subscription, the same payload shape. */
export function buildPeerJob(
  subscription: SeededSubscription,
  event: { eventId: string; eventType: string; data: Record<string, unknown> },
) {
  const published = buildEvent(event)
  const delivery = buildDelivery({ id: subscription.id, maxAttempts: 3 }, published, new Date())
  const job: PeerJobData = {
    subscriptionId: String(subscription.id),
    messageId: delivery.messageId,
    eventId: event.eventId,
    eventType: delivery.eventType,
    payload: composeDeliveryPayload(
      { ...event, metadata: null, createdAt: new Date().toISOString() },
      subscription.id,
    ),
  }
  return { name: 'deliver', data: job, opts: PEER_JOB_OPTIONS }
}

export async function runBullmqDelivery(
  peer: BullmqPeer,
  context: DeliveryRunContext,
): Promise<DeliveryRunResult> {
  await peer.queue.obliterate({ force: true })
  const events = eventsFor(context)
  const expected = events * context.subscriptions.length
  const group = await startWorkerGroup(context.workers, () =>
    spawnBullmqWorker(context.tuning, {
      redisPort: peer.redisPort,
      targetsFile: peer.targetsFile,
      cpuProfileDir: context.cpuProfileDir,
    }),
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
        const eventId = generateEventId()
        const data = benchJobData(context.label, index)
        await peer.queue.addBulk(
          context.subscriptions.map((subscription) =>
            buildPeerJob(subscription, { eventId, eventType: THROUGHPUT_EVENT_TYPE, data }),
          ),
        )
      },
    )
    const tally = await reached
    const recordedAt = await waitForCount(
      () => peer.queue.getCompletedCount(),
      expected,
      120_000,
      preciseNow,
    )
    return summarizeRun(
      {
        system: 'bullmq',
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
