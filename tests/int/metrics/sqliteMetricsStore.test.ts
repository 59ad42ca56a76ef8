// The SQLite metrics store scans in id ranges; its merged groups must equal one GROUP BY over the table.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { describe, expect, it } from 'vitest'

import { SCAN_CHUNK_ROWS, createSqliteMetricsStore } from '@/lib/metrics/store/sqliteMetricsStore'
import { bootHub } from '../../helpers/bootHub'

const ROWS = SCAN_CHUNK_ROWS * 2 + 345

describe('the SQLite metrics store', () => {
  it('sums groups spread over several id ranges exactly as one GROUP BY does', async () => {
    const payload = await bootHub()
    const client = (payload.db as unknown as SQLiteAdapter).client
    const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})`
    await client.execute(`${numbers} INSERT INTO webhook_deliveries (event_id, event_type, message_id,
        max_attempts, status, attempt_count, created_at, updated_at)
      SELECT 'e' || i, CASE i % 3 WHEN 0 THEN 'job.completed' ELSE 'job.failed' END, 'm' || i, 5,
        CASE i % 7 WHEN 0 THEN 'dead' ELSE 'succeeded' END, 1 + i % 4,
        '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z' FROM n`)
    await client.execute(`${numbers} INSERT INTO webhook_logs (source, status, received_at, dedupe_key,
        rejection_reason)
      SELECT CASE i % 2 WHEN 0 THEN 'fal' ELSE 'openai' END,
        CASE i % 5 WHEN 0 THEN 'rejected' ELSE 'processed' END, '2026-12-01T00:00:00.000Z', 'k' || i,
        CASE i % 5 WHEN 0 THEN 'invalid_signature: bad' END FROM n`)

    const snapshot = await createSqliteMetricsStore(client).readSnapshot(new Date())

    const expectedDeliveries =
      await client.execute(`SELECT event_type, SUM(attempt_count) AS attempts,
        SUM(status = 'succeeded') AS succeeded, SUM(status = 'dead') AS dead
      FROM webhook_deliveries GROUP BY event_type ORDER BY event_type`)
    expect(
      snapshot.deliveries
        .map(({ eventType, attempts, succeeded, dead }) => ({
          eventType,
          attempts,
          succeeded,
          dead,
        }))
        .sort((a, b) => a.eventType.localeCompare(b.eventType)),
    ).toEqual(
      expectedDeliveries.rows.map((row) => ({
        eventType: row.event_type,
        attempts: Number(row.attempts),
        succeeded: Number(row.succeeded),
        dead: Number(row.dead),
      })),
    )
    const counted = (source: string, status: string) =>
      snapshot.callbacks.find((row) => row.source === source && row.status === status)?.count
    expect(counted('fal', 'rejected')! + counted('openai', 'rejected')!).toBe(Math.floor(ROWS / 5))
    expect(snapshot.callbacks.reduce((sum, row) => sum + row.count, 0)).toBe(ROWS)
    expect(snapshot.callbacks.find((row) => row.status === 'rejected')?.reason).toBe(
      'invalid_signature',
    )
  })
})
