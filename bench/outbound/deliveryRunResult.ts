// The figures of one throughput run, the same for the hub and its BullMQ peer.
import type { MemoryReading } from './readPeakRss'
import type { ReceiverTally } from './receiverProtocol'
import type { WorkerHandle } from './spawnHubWorker'

export type DeliveryRunResult = {
  system: 'hub' | 'bullmq'
  deliveries: number
  duplicates: number
  /** Process spawn to "started": excluded from the rate. */
  bootMs: number
  /** First request received to last: the rate is measured over this span. */
  firstToLastMs: number
  deliveriesPerSecond: number
  /** Process spawn to the last request received. */
  totalMs: number
  /** First request received until the queue shows every delivery recorded as done. */
  recordedMs: number
  peakRssMb: number
}

export function summarizeRun(
  system: DeliveryRunResult['system'],
  tally: ReceiverTally,
  worker: WorkerHandle,
  recordedAt: number,
  memory: MemoryReading,
): DeliveryRunResult {
  const firstToLastMs = tally.lastAt - tally.firstAt
  return {
    system,
    deliveries: tally.count,
    duplicates: tally.count - tally.unique,
    bootMs: worker.readyAt - worker.spawnedAt,
    firstToLastMs,
    deliveriesPerSecond: ((tally.count - 1) / firstToLastMs) * 1000,
    totalMs: tally.lastAt - worker.spawnedAt,
    recordedMs: recordedAt - tally.firstAt,
    peakRssMb: memory.peakRssMb,
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
