// Messages between the bench and its receiver child process, over Node's IPC channel.

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now()
}

export type ReceiverCommand =
  | {
      type: 'expect'
      /** Resolves once this many distinct deliveries were answered 2xx. */
      count: number
      /** Share of distinct deliveries whose first attempt is answered 500 (every 1/fraction-th). */
      failFraction: number
    }
  | { type: 'watch'; enabled: boolean }

export type LatencyPercentiles = { p50: number; p95: number; p99: number; max: number }

export type ReceiverTally = {
  /** Requests answered 2xx, and how many distinct deliveries they were. */
  count: number
  unique: number
  /** First attempts answered 500 on purpose. */
  failed: number
  /** First and last 2xx answer. */
  firstAt: number
  lastAt: number
  /** Body `timestamp` (the delivery's creation, set when the event was published) to 2xx arrival. */
  latencyMs: LatencyPercentiles
}

export type ReceiverReport =
  | { type: 'listening'; port: number }
  | ({ type: 'reached' } & ReceiverTally)
  | { type: 'arrival'; key: string; at: number }
