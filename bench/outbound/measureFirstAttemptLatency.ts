// Publish → first attempt on an idle queue: one event at a time, timed until the receiver stamps it.
import { median, percentile } from './statistics'
import { preciseNow } from './receiverProtocol'
import type { ReceiverHandle } from './startReceiverProcess'

export type LatencySummary = {
  samples: number
  medianMs: number
  p95Ms: number
  maxMs: number
  publishMedianMs: number
}

type LatencyOptions = {
  receiver: ReceiverHandle
  subscriptionId: string
  samples: number
  spacingMs: number
  /** Publishes event number `index` and returns its event id once the call returns. */
  publish(index: number): Promise<string>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function measureFirstAttemptLatency(options: LatencyOptions): Promise<LatencySummary> {
  const arrivals = new Map<string, number>()
  const waiters = new Map<string, (at: number) => void>()
  options.receiver.watchArrivals((key, at) => {
    const waiter = waiters.get(key)
    if (waiter) waiter(at)
    else arrivals.set(key, at)
  })
  const arrivalOf = (key: string) => {
    const early = arrivals.get(key)
    if (early !== undefined) return Promise.resolve(early)
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no arrival for ${key} in 10 s`)), 10_000)
      waiters.set(key, (at) => {
        clearTimeout(timer)
        resolve(at)
      })
    })
  }

  const latencies: number[] = []
  const publishTimes: number[] = []
  try {
    for (let index = 0; index < options.samples; index += 1) {
      const started = preciseNow()
      const eventId = await options.publish(index)
      publishTimes.push(preciseNow() - started)
      const arrivedAt = await arrivalOf(`${eventId}/${options.subscriptionId}`)
      latencies.push(arrivedAt - started)
      await sleep(Math.max(0, started + options.spacingMs - preciseNow()))
    }
  } finally {
    options.receiver.watchArrivals(null)
  }
  return {
    samples: latencies.length,
    medianMs: median(latencies),
    p95Ms: percentile(latencies, 0.95),
    maxMs: Math.max(...latencies),
    publishMedianMs: median(publishTimes),
  }
}
