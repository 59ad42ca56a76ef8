// What one /api/v1/metrics read costs as the tables grow: a fresh SQLite database with --rows deliveries,
// inbound logs and jobs (inserted in SQL, spread over statuses, sources and event types), then --rounds
// database reads and renders, timed apart, with the longest event-loop stall during each read. Usage: npm run bench:metrics -- [--rows 100000] [--rounds 5]
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
  },
})
const rows = Number(values.rows)
const rounds = Number(values.rounds)
process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'metrics-bench-')), 'hub.db')}`
process.env.PAYLOAD_SECRET ??= 'metrics-bench-secret-0123456789'

const { getPayloadClient } = await import('@/lib/payload/getPayloadClient')
const { runMigrations } = await import('@/lib/payload/runMigrations')
const { createSqliteMetricsStore } = await import('@/lib/metrics/store/sqliteMetricsStore')
const { renderMetrics } = await import('@/lib/metrics/renderMetrics')

const payload = await getPayloadClient()
await runMigrations(payload)
const client = (payload.db as unknown as SQLiteAdapter).client
const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})`
await client.execute(`${numbers} INSERT INTO webhook_deliveries (webhook_id, event_id, event_type,
    message_id, max_attempts, status, attempt_count, created_at, updated_at)
  SELECT NULL, 'e' || i, CASE i % 3 WHEN 0 THEN 'job.completed' WHEN 1 THEN 'job.failed' ELSE 'job.progress' END,
    'm' || i, 5, CASE i % 10 WHEN 0 THEN 'dead' WHEN 1 THEN 'pending' ELSE 'succeeded' END, 1 + i % 3,
    '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z' FROM n`)
await client.execute(`${numbers} INSERT INTO jobs (provider, status, orphan_detections, orphan_recoveries)
  SELECT 'fal', 'completed', i % 2, i % 4 = 0 FROM n`)
await client.execute(`${numbers} INSERT INTO webhook_logs (source, status, received_at, processed_at,
    dedupe_key, job_id, rejection_reason)
  SELECT CASE i % 4 WHEN 0 THEN 'fal' WHEN 1 THEN 'openai' WHEN 2 THEN 'replicate' ELSE 'lastframe' END,
    CASE i % 20 WHEN 0 THEN 'rejected' ELSE 'processed' END,
    strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', '+' || i || ' seconds'),
    strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', '+' || i || ' seconds', '+0.0' || (i % 90) || ' seconds'),
    'k' || i, i, CASE i % 20 WHEN 0 THEN 'invalid_signature: bad' END FROM n`)

const store = createSqliteMetricsStore(client)
for (let round = 1; round <= rounds; round++) {
  const stalls = monitorEventLoopDelay({ resolution: 5 })
  stalls.enable()
  const started = performance.now()
  const snapshot = await store.readSnapshot(new Date())
  const read = performance.now()
  stalls.disable()
  const text = await renderMetrics(snapshot, { now: new Date(), heartbeatStaleAfterMs: 15_000 })
  const rendered = performance.now()
  console.log(
    `[metrics] ${rows} rows each: read ${(read - started).toFixed(0)} ms (longest event-loop stall ${(stalls.max / 1e6).toFixed(0)} ms), render ${(rendered - read).toFixed(1)} ms, ${text.length} bytes`,
  )
}
process.exit(0)
