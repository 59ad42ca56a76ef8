// The metrics snapshot on SQLite: one aggregate query per family. Each scans its table once (deliveries,
// inbound logs, jobs); the queue depths use the (status, …) indexes.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { QUEUED_DELIVERY_STATUSES } from '@/lib/model/deliveryStatus'
import {
  MAX_LISTED_WORKERS,
  RECENT_WORKER_MS,
  STATE_UPDATE_BUCKETS_SECONDS,
  type MetricsStore,
} from './metricsStore'

const LATENCY_SECONDS = `(julianday(processed_at) - julianday(received_at)) * 86400.0`

// Built from the constant bounds above, never from input.
const BUCKET_COLUMNS = STATE_UPDATE_BUCKETS_SECONDS.map(
  (bound, index) => `SUM(CASE WHEN ${LATENCY_SECONDS} <= ${bound} THEN 1 ELSE 0 END) AS b${index}`,
).join(', ')

type Client = SQLiteAdapter['client']

const placeholders = (count: number) => Array(count).fill('?').join(', ')

export function createSqliteMetricsStore(client: Client): MetricsStore {
  const rows = async (sql: string, args: (string | number)[] = []) =>
    (await client.execute({ sql, args })).rows
  return {
    async readSnapshot(now) {
      const [deliveries, callbacks, latency, orphans, queued, inbound, workers, sources] =
        await Promise.all([
          rows(`SELECT COALESCE(CAST(webhook_id AS TEXT), '') AS subscription_id, event_type,
              SUM(attempt_count) AS attempts,
              SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded,
              SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END) AS dead
            FROM webhook_deliveries GROUP BY webhook_id, event_type`),
          rows(`SELECT source, status, CASE WHEN status = 'rejected'
                THEN substr(rejection_reason, 1, instr(rejection_reason, ':') - 1) ELSE '' END AS reason,
              COUNT(*) AS count
            FROM webhook_logs GROUP BY source, status, reason`),
          rows(`SELECT source, COUNT(*) AS count, SUM(${LATENCY_SECONDS}) AS sum_seconds, ${BUCKET_COLUMNS}
            FROM webhook_logs
            WHERE status = 'processed' AND job_id IS NOT NULL AND processed_at IS NOT NULL
            GROUP BY source`),
          rows(`SELECT provider, SUM(orphan_detections) AS detections,
              SUM(orphan_recoveries) AS recoveries
            FROM jobs WHERE orphan_detections > 0 GROUP BY provider`),
          rows(
            `SELECT COUNT(*) AS count FROM webhook_deliveries
              WHERE status IN (${placeholders(QUEUED_DELIVERY_STATUSES.length)})`,
            QUEUED_DELIVERY_STATUSES,
          ),
          rows(
            `SELECT COUNT(*) AS count FROM webhook_logs WHERE status IN ('received', 'processing')`,
          ),
          rows(
            `SELECT worker_id, state, last_heartbeat_at, in_flight FROM workers
              WHERE state != 'stopped' OR last_heartbeat_at > ?
              ORDER BY last_heartbeat_at DESC LIMIT ${MAX_LISTED_WORKERS}`,
            [new Date(now.getTime() - RECENT_WORKER_MS).toISOString()],
          ),
          rows(`SELECT slug FROM inbound_sources`),
        ])
      return {
        deliveries: deliveries.map((row) => ({
          subscriptionId: String(row.subscription_id),
          eventType: String(row.event_type),
          attempts: Number(row.attempts),
          succeeded: Number(row.succeeded),
          dead: Number(row.dead),
        })),
        callbacks: callbacks.map((row) => ({
          source: String(row.source),
          status: String(row.status),
          reason: String(row.reason ?? ''),
          count: Number(row.count),
        })),
        stateUpdateLatency: latency.map((row) => ({
          source: String(row.source),
          bucketCounts: STATE_UPDATE_BUCKETS_SECONDS.map((_, index) => Number(row[`b${index}`])),
          count: Number(row.count),
          sumSeconds: Number(row.sum_seconds),
        })),
        orphans: orphans.map((row) => ({
          provider: String(row.provider),
          detections: Number(row.detections),
          recoveries: Number(row.recoveries),
        })),
        queueDepth: { deliveries: Number(queued[0]!.count), inbound: Number(inbound[0]!.count) },
        workers: workers.map((row) => ({
          workerId: String(row.worker_id),
          state: String(row.state),
          lastHeartbeatAt: new Date(String(row.last_heartbeat_at)),
          inFlight: Number(row.in_flight ?? 0),
        })),
        customSources: sources.map((row) => String(row.slug)),
      }
    },
  }
}
