// The figures of one delivery run, the same for the hub and its BullMQ peer.
import type { PublishSpan } from './publishAtRate'
import type { LatencyPercentiles, ReceiverTally } from './receiverProtocol'
import type { WorkerGroup } from './startWorkerGroup'

export type DeliverySystem = 'hub' | 'bullmq'

export type DeliveryRunResult = {
  system: DeliverySystem
  workers: number
  round: number
  /** Share of first attempts the receiver answered 500. */
  failFraction: number
  deliveries: number
  duplicates: number
  failedFirstAttempts: number
  /** Spawn until every worker said "started": excluded from every other figure. */
  bootMs: number
  /** Publishing every event (the workers already running and delivering). */
  publishMs: number
  /** First 2xx received to last: the rate is measured over this span. */
  firstToLastMs: number
  deliveriesPerSecond: number
  /** Publish start until the last delivery was answered 2xx. */
  allDeliveredMs: number
  /** Publish start until the queue shows every delivery recorded as done. */
  recordedMs: number
  /** Each delivery's creation (publish) to its 2xx arrival at the receiver. */
  latencyMs: LatencyPercentiles
  peakRssMb: number[]
}

export function summarizeRun(
  run: Pick<DeliveryRunResult, 'system' | 'workers' | 'round' | 'failFraction'>,
  tally: ReceiverTally,
  measured: { group: WorkerGroup; publish: PublishSpan; recordedAt: number; peakRssMb: number[] },
): DeliveryRunResult {
  const firstToLastMs = tally.lastAt - tally.firstAt
  return {
    ...run,
    deliveries: tally.unique,
    duplicates: tally.count - tally.unique,
    failedFirstAttempts: tally.failed,
    bootMs: measured.group.readyAt - measured.group.spawnedAt,
    publishMs: measured.publish.endedAt - measured.publish.startedAt,
    firstToLastMs,
    deliveriesPerSecond: ((tally.unique - 1) / firstToLastMs) * 1000,
    allDeliveredMs: tally.lastAt - measured.publish.startedAt,
    recordedMs: measured.recordedAt - measured.publish.startedAt,
    latencyMs: tally.latencyMs,
    peakRssMb: measured.peakRssMb,
  }
}

/** Polls a count until it reaches `target`; returns when it did, in preciseNow() time. */
export async function waitForCount(
  read: () => Promise<number>,
  target: number,
  timeoutMs: number,
  now: () => number,
): Promise<number> {
  const deadline = now() + timeoutMs
  for (;;) {
    const count = await read()
    if (count >= target) return now()
    if (now() > deadline) throw new Error(`count stuck at ${count} of ${target}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
