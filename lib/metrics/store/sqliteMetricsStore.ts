// The metrics snapshot on SQLite. The aggregates scan whole tables, and libsql runs a statement
// synchronously on the calling thread, so each scan goes in id ranges of SCAN_CHUNK_ROWS with a turn of
// the event loop between them: a scrape never holds the web process's callbacks for more than one chunk.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { QUEUED_DELIVERY_STATUSES } from '@/lib/model/deliveryStatus'
import {
  MAX_LISTED_WORKERS,
  RECENT_WORKER_MS,
  STATE_UPDATE_BUCKETS_SECONDS,
  type MetricsStore,
} from './metricsStore'

type Client = SQLiteAdapter['client']
type Row = Record<string, unknown>

export const SCAN_CHUNK_ROWS = 5_000

const LATENCY_SECONDS = `(julianday(processed_at) - julianday(received_at)) * 86400.0`

// Built from the constant bounds above, never from input.
const BUCKET_COLUMNS = STATE_UPDATE_BUCKETS_SECONDS.map(
  (bound, index) => `SUM(CASE WHEN ${LATENCY_SECONDS} <= ${bound} THEN 1 ELSE 0 END) AS b${index}`,
)

/** One grouped aggregate: `keys` name the GROUP BY columns, `sums` the summed ones. */
type Aggregate = { table: string; keys: string[]; sums: string[]; sql: string }

const DELIVERIES: Aggregate = {
  table: 'webhook_deliveries',
  keys: ['subscription_id', 'event_type'],
  sums: ['attempts', 'succeeded', 'dead'],
  sql: `SELECT COALESCE(CAST(webhook_id AS TEXT), '') AS subscription_id, event_type,
      SUM(attempt_count) AS attempts,
      SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded,
      SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END) AS dead
    FROM webhook_deliveries WHERE id > ? AND id <= ? GROUP BY subscription_id, event_type`,
}

const CALLBACKS: Aggregate = {
  table: 'webhook_logs',
  keys: ['source', 'status', 'reason'],
  sums: ['count'],
  sql: `SELECT source, status, CASE WHEN status = 'rejected'
        THEN substr(rejection_reason, 1, instr(rejection_reason, ':') - 1) ELSE '' END AS reason,
      COUNT(*) AS count
    FROM webhook_logs WHERE id > ? AND id <= ? GROUP BY source, status, reason`,
}

const LATENCY: Aggregate = {
  table: 'webhook_logs',
  keys: ['source'],
  sums: ['count', 'sum_seconds', ...BUCKET_COLUMNS.map((_, index) => `b${index}`)],
  sql: `SELECT source, COUNT(*) AS count, SUM(${LATENCY_SECONDS}) AS sum_seconds,
      ${BUCKET_COLUMNS.join(', ')}
    FROM webhook_logs WHERE id > ? AND id <= ?
      AND status = 'processed' AND job_id IS NOT NULL AND processed_at IS NOT NULL
    GROUP BY source`,
}

const ORPHANS: Aggregate = {
  table: 'jobs',
  keys: ['provider'],
  sums: ['detections', 'recoveries'],
  sql: `SELECT provider, SUM(orphan_detections) AS detections, SUM(orphan_recoveries) AS recoveries
    FROM jobs WHERE id > ? AND id <= ? AND orphan_detections > 0 GROUP BY provider`,
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

async function aggregateInChunks(client: Client, aggregate: Aggregate): Promise<Row[]> {
  const bounds = await client.execute(
    `SELECT MIN(id) AS first, MAX(id) AS last FROM ${aggregate.table}`,
  )
  const first = Number(bounds.rows[0]?.first ?? 0)
  const last = Number(bounds.rows[0]?.last ?? 0)
  const groups = new Map<string, Row>()
  for (let from = first - 1; from < last; from += SCAN_CHUNK_ROWS) {
    const chunk = await client.execute({ sql: aggregate.sql, args: [from, from + SCAN_CHUNK_ROWS] })
    for (const row of chunk.rows) {
      const key = JSON.stringify(aggregate.keys.map((name) => row[name]))
      const group = groups.get(key)
      if (!group) groups.set(key, { ...row })
      else for (const name of aggregate.sums) group[name] = Number(group[name]) + Number(row[name])
    }
    await nextTurn()
  }
  return [...groups.values()]
}

const placeholders = (count: number) => Array(count).fill('?').join(', ')

export function createSqliteMetricsStore(client: Client): MetricsStore {
  const rows = async (sql: string, args: (string | number)[] = []) =>
    (await client.execute({ sql, args })).rows
  return {
    async readSnapshot(now) {
      const deliveries = await aggregateInChunks(client, DELIVERIES)
      const callbacks = await aggregateInChunks(client, CALLBACKS)
      const latency = await aggregateInChunks(client, LATENCY)
      const orphans = await aggregateInChunks(client, ORPHANS)
      const queued = await rows(
        `SELECT COUNT(*) AS count FROM webhook_deliveries
          WHERE status IN (${placeholders(QUEUED_DELIVERY_STATUSES.length)})`,
        QUEUED_DELIVERY_STATUSES,
      )
      const inbound = await rows(
        `SELECT COUNT(*) AS count FROM webhook_logs WHERE status IN ('received', 'processing')`,
      )
      const workers = await rows(
        `SELECT worker_id, state, last_heartbeat_at, in_flight FROM workers
          WHERE state != 'stopped' OR last_heartbeat_at > ?
          ORDER BY last_heartbeat_at DESC LIMIT ${MAX_LISTED_WORKERS}`,
        [new Date(now.getTime() - RECENT_WORKER_MS).toISOString()],
      )
      const sources = await rows(`SELECT slug FROM inbound_sources`)
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
