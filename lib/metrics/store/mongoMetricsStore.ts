// The metrics snapshot on MongoDB: the same figures as the SQLite store, one aggregation per family.
// Like the rest of the MongoDB code it has not run in this repository's tests (no MongoDB server there).
import type { MongooseAdapter } from '@payloadcms/db-mongodb'

import { QUEUED_DELIVERY_STATUSES } from '@/lib/model/deliveryStatus'
import {
  MAX_LISTED_WORKERS,
  RECENT_WORKER_MS,
  STATE_UPDATE_BUCKETS_SECONDS,
  type MetricsStore,
} from './metricsStore'

const LATENCY_SECONDS = { $divide: [{ $subtract: ['$processed_at', '$received_at'] }, 1000] }

const REASON = {
  $cond: [
    { $eq: ['$status', 'rejected'] },
    { $arrayElemAt: [{ $split: [{ $ifNull: ['$rejection_reason', ''] }, ':'] }, 0] },
    '',
  ],
}

export function createMongoMetricsStore(adapter: MongooseAdapter): MetricsStore {
  const collection = (slug: string) => adapter.collections[slug]!
  return {
    async readSnapshot(now) {
      const [deliveries, callbacks, latency, orphans, queued, inbound, workers, sources] =
        await Promise.all([
          collection('webhook-deliveries').aggregate([
            {
              $group: {
                _id: { webhook: '$webhook', event_type: '$event_type' },
                attempts: { $sum: '$attempt_count' },
                succeeded: { $sum: { $cond: [{ $eq: ['$status', 'succeeded'] }, 1, 0] } },
                dead: { $sum: { $cond: [{ $eq: ['$status', 'dead'] }, 1, 0] } },
              },
            },
          ]),
          collection('webhook-logs').aggregate([
            {
              $group: {
                _id: { source: '$source', status: '$status', reason: REASON },
                count: { $sum: 1 },
              },
            },
          ]),
          collection('webhook-logs').aggregate([
            { $match: { status: 'processed', job: { $ne: null }, processed_at: { $ne: null } } },
            {
              $group: {
                _id: '$source',
                count: { $sum: 1 },
                sum_seconds: { $sum: LATENCY_SECONDS },
                ...Object.fromEntries(
                  STATE_UPDATE_BUCKETS_SECONDS.map((bound, index) => [
                    `b${index}`,
                    { $sum: { $cond: [{ $lte: [LATENCY_SECONDS, bound] }, 1, 0] } },
                  ]),
                ),
              },
            },
          ]),
          collection('jobs').aggregate([
            { $match: { orphan_detections: { $gt: 0 } } },
            {
              $group: {
                _id: '$provider',
                detections: { $sum: '$orphan_detections' },
                recoveries: { $sum: '$orphan_recoveries' },
              },
            },
          ]),
          collection('webhook-deliveries').countDocuments({
            status: { $in: QUEUED_DELIVERY_STATUSES },
          }),
          collection('webhook-logs').countDocuments({
            status: { $in: ['received', 'processing'] },
          }),
          collection('workers')
            .find({
              $or: [
                { state: { $ne: 'stopped' } },
                { last_heartbeat_at: { $gt: new Date(now.getTime() - RECENT_WORKER_MS) } },
              ],
            })
            .sort({ last_heartbeat_at: -1 })
            .limit(MAX_LISTED_WORKERS)
            .lean(),
          collection('inbound-sources').find({}, { slug: 1 }).lean(),
        ])
      return {
        deliveries: deliveries.map((row) => ({
          subscriptionId: row._id.webhook ? String(row._id.webhook) : '',
          eventType: String(row._id.event_type),
          attempts: Number(row.attempts),
          succeeded: Number(row.succeeded),
          dead: Number(row.dead),
        })),
        callbacks: callbacks.map((row) => ({
          source: String(row._id.source),
          status: String(row._id.status),
          reason: String(row._id.reason ?? ''),
          count: Number(row.count),
        })),
        stateUpdateLatency: latency.map((row) => ({
          source: String(row._id),
          bucketCounts: STATE_UPDATE_BUCKETS_SECONDS.map((_, index) => Number(row[`b${index}`])),
          count: Number(row.count),
          sumSeconds: Number(row.sum_seconds),
        })),
        orphans: orphans.map((row) => ({
          provider: String(row._id),
          detections: Number(row.detections),
          recoveries: Number(row.recoveries),
        })),
        queueDepth: { deliveries: queued, inbound },
        workers: workers.map((row) => ({
          workerId: String(row.worker_id),
          state: String(row.state),
          lastHeartbeatAt: new Date(row.last_heartbeat_at as string | Date),
          inFlight: Number(row.in_flight ?? 0),
        })),
        customSources: sources.map((row) => String(row.slug)),
      }
    },
  }
}
