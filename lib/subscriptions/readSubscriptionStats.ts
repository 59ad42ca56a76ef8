// Per-subscription delivery statistics: totals by state, success rate and attempt latency percentiles.
import type { Payload, Where } from 'payload'

import type { DocumentId } from '@/lib/delivery/deliveryTypes'

const LATENCY_SAMPLE_SIZE = 1000

export function percentile(sortedValues: number[], fraction: number): number | null {
  if (sortedValues.length === 0) return null
  const index = Math.min(sortedValues.length - 1, Math.ceil(fraction * sortedValues.length) - 1)
  return sortedValues[Math.max(0, index)]
}

export async function readSubscriptionStats(payload: Payload, webhookId: DocumentId) {
  const countWhere = async (extra?: Where) =>
    (
      await payload.count({
        collection: 'webhook-deliveries',
        where: { and: [{ webhook: { equals: webhookId } }, ...(extra ? [extra] : [])] },
        overrideAccess: true,
      })
    ).totalDocs
  const [total, succeeded, dead, retrying, pending, inFlight, recent] = await Promise.all([
    countWhere(),
    countWhere({ status: { equals: 'succeeded' } }),
    countWhere({ status: { equals: 'dead' } }),
    countWhere({ status: { equals: 'failed' } }),
    countWhere({ status: { equals: 'pending' } }),
    countWhere({ status: { equals: 'in_flight' } }),
    payload.find({
      collection: 'webhook-deliveries',
      where: { and: [{ webhook: { equals: webhookId } }, { last_duration_ms: { exists: true } }] },
      sort: '-last_attempt_at',
      limit: LATENCY_SAMPLE_SIZE,
      depth: 0,
      overrideAccess: true,
      select: { last_duration_ms: true },
    }),
  ])
  const durations = recent.docs
    .map((doc) => doc.last_duration_ms)
    .filter((value): value is number => typeof value === 'number')
    .sort((a, b) => a - b)
  const finished = succeeded + dead
  return {
    total_deliveries: total,
    successful_deliveries: succeeded,
    failed_deliveries: dead,
    retry_queue_size: retrying,
    pending_deliveries: pending + inFlight,
    success_rate: finished === 0 ? null : Math.round((succeeded / finished) * 10_000) / 10_000,
    latency_ms: {
      p50: percentile(durations, 0.5),
      p95: percentile(durations, 0.95),
      sample_size: durations.length,
    },
  }
}
