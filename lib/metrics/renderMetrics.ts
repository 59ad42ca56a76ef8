// The seed-003 success metrics in Prometheus text format, from one database snapshot. A fresh registry per
// scrape: the values are read, not accumulated, so concurrent scrapes cannot interfere.
import { Counter, Gauge, Registry } from 'prom-client'

import { isInboundRejectionCode } from '@/lib/inbound/inboundRejection'
import { BUILT_IN_PROVIDERS } from '@/lib/model/providers'
import { createPrecomputedHistogram } from './precomputedHistogram'
import { STATE_UPDATE_BUCKETS_SECONDS, type MetricsSnapshot } from './store/metricsStore'

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE

const VERDICT_BY_STATUS: Record<string, string> = {
  received: 'accepted',
  processing: 'accepted',
  processed: 'accepted',
  error: 'accepted',
  duplicate: 'duplicate',
  rejected: 'rejected',
}

/** A rejected callback may name any source: only known ones become label values. */
function providerLabel(source: string, known: ReadonlySet<string>): string {
  return known.has(source) ? source : 'unknown'
}

function addDeliveryMetrics(registry: Registry, snapshot: MetricsSnapshot): void {
  const attempts = new Counter({
    name: 'webhook_hub_delivery_attempts_total',
    help: 'Delivery attempts per subscription and event type, by outcome (success: the receiver answered 2xx).',
    labelNames: ['subscription_id', 'event_type', 'outcome'],
    registers: [registry],
  })
  const dead = new Counter({
    name: 'webhook_hub_deliveries_dead_total',
    help: 'Deliveries that used every attempt without success.',
    labelNames: ['subscription_id', 'event_type'],
    registers: [registry],
  })
  for (const row of snapshot.deliveries) {
    const labels = { subscription_id: row.subscriptionId, event_type: row.eventType }
    attempts.inc({ ...labels, outcome: 'success' }, row.succeeded)
    attempts.inc({ ...labels, outcome: 'failure' }, Math.max(0, row.attempts - row.succeeded))
    dead.inc(labels, row.dead)
  }
}

function addInboundMetrics(registry: Registry, snapshot: MetricsSnapshot): void {
  const known = new Set<string>([...BUILT_IN_PROVIDERS, ...snapshot.customSources])
  const callbacks = new Counter({
    name: 'webhook_hub_inbound_callbacks_total',
    help: 'Provider callbacks received, by verdict (accepted, duplicate, rejected) and rejection reason.',
    labelNames: ['provider', 'verdict', 'reason'],
    registers: [registry],
  })
  for (const row of snapshot.callbacks) {
    // Only a rejection has a reason; an unexpected stored one is not allowed to become a label value.
    const reason = isInboundRejectionCode(row.reason) ? row.reason : 'other'
    callbacks.inc(
      {
        provider: providerLabel(row.source, known),
        verdict: VERDICT_BY_STATUS[row.status] ?? 'accepted',
        ...(row.status === 'rejected' ? { reason } : {}),
      },
      row.count,
    )
  }
  registry.registerMetric(
    createPrecomputedHistogram({
      name: 'webhook_hub_job_state_update_seconds',
      help: 'From a callback received to its job updated (the callback processed), per provider.',
      upperBounds: STATE_UPDATE_BUCKETS_SECONDS,
      series: snapshot.stateUpdateLatency.map((row) => ({
        labels: { provider: providerLabel(row.source, known) },
        bucketCounts: row.bucketCounts,
        count: row.count,
        sum: row.sumSeconds,
      })),
    }),
  )
}

function addJobAndWorkerMetrics(
  registry: Registry,
  snapshot: MetricsSnapshot,
  options: { now: Date; heartbeatStaleAfterMs: number },
): void {
  const detected = new Counter({
    name: 'webhook_hub_orphan_jobs_detected_total',
    help: 'Times the orphan poller found a job quiet for ORPHAN_AFTER_MS.',
    labelNames: ['provider'],
    registers: [registry],
  })
  const recovered = new Counter({
    name: 'webhook_hub_orphan_jobs_recovered_total',
    help: "Times a poll of the provider's API brought a quiet job's state up to date.",
    labelNames: ['provider'],
    registers: [registry],
  })
  for (const row of snapshot.orphans) {
    detected.inc({ provider: row.provider }, row.detections)
    recovered.inc({ provider: row.provider }, row.recoveries)
  }
  const depth = new Gauge({
    name: 'webhook_hub_queue_depth',
    help: 'Work waiting: deliveries pending, retrying or in flight; callbacks stored but not yet processed.',
    labelNames: ['queue'],
    registers: [registry],
  })
  depth.set({ queue: 'deliveries' }, snapshot.queueDepth.deliveries)
  depth.set({ queue: 'inbound' }, snapshot.queueDepth.inbound)
  const heartbeat = new Gauge({
    name: 'webhook_hub_worker_last_heartbeat_timestamp_seconds',
    help: "Unix time of each worker's last heartbeat (workers not stopped, or stopped within the hour).",
    labelNames: ['worker_id', 'state'],
    registers: [registry],
  })
  const alive = new Gauge({
    name: 'webhook_hub_workers_alive',
    help: 'Workers not stopped whose last heartbeat is fresh (within three heartbeat intervals).',
    registers: [registry],
  })
  const freshSince = options.now.getTime() - options.heartbeatStaleAfterMs
  let aliveCount = 0
  for (const worker of snapshot.workers) {
    heartbeat.set(
      { worker_id: worker.workerId, state: worker.state },
      worker.lastHeartbeatAt.getTime() / 1000,
    )
    if (worker.state !== 'stopped' && worker.lastHeartbeatAt.getTime() > freshSince) aliveCount++
  }
  alive.set(aliveCount)
}

export async function renderMetrics(
  snapshot: MetricsSnapshot,
  options: { now: Date; heartbeatStaleAfterMs: number },
): Promise<string> {
  const registry = new Registry()
  addDeliveryMetrics(registry, snapshot)
  addInboundMetrics(registry, snapshot)
  addJobAndWorkerMetrics(registry, snapshot, options)
  return registry.metrics()
}
