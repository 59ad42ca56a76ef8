// What /api/v1/metrics reads from the database at scrape time. Web and workers are separate processes (and
// workers may run on other machines), so the stored rows, not any one process's memory, are the truth.
export type DeliveryTotals = {
  /** Empty once the subscription is deleted. */
  subscriptionId: string
  eventType: string
  attempts: number
  succeeded: number
  dead: number
}

export type CallbackTotals = {
  source: string
  /** The stored log status: received, processing, processed, error, rejected or duplicate. */
  status: string
  /** A rejection's code (the part of rejection_reason before the colon); empty otherwise. */
  reason: string
  count: number
}

export type LatencyTotals = {
  source: string
  /** Cumulative: bucketCounts[i] callbacks took at most STATE_UPDATE_BUCKETS_SECONDS[i]. */
  bucketCounts: number[]
  count: number
  sumSeconds: number
}

export type OrphanTotals = { provider: string; detections: number; recoveries: number }

export type WorkerBeat = {
  workerId: string
  state: string
  lastHeartbeatAt: Date
  inFlight: number
}

export type MetricsSnapshot = {
  deliveries: DeliveryTotals[]
  callbacks: CallbackTotals[]
  stateUpdateLatency: LatencyTotals[]
  orphans: OrphanTotals[]
  queueDepth: { deliveries: number; inbound: number }
  workers: WorkerBeat[]
  /** Custom source slugs: callbacks to any other unknown name are counted as source "unknown". */
  customSources: string[]
}

export interface MetricsStore {
  readSnapshot(now: Date): Promise<MetricsSnapshot>
}

/** Upper bounds of the callback-received → job-updated histogram. */
export const STATE_UPDATE_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300,
]

/** Workers listed: those not stopped, and stopped ones that beat within this window. */
export const RECENT_WORKER_MS = 60 * 60 * 1000
export const MAX_LISTED_WORKERS = 1000
