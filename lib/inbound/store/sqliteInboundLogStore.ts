// SQLite inbound log store: each batch is one write transaction; the unique (source, dedupe_key) index
// decides duplicates, so two copies racing in separate requests still yield one original.
import { randomUUID } from 'node:crypto'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type {
  InboundLogStore,
  InsertedInboundLog,
  LogClaimRequest,
  NewInboundLog,
} from './inboundLogStore'

type Client = SQLiteAdapter['client']

const COLUMNS = `source, status, verified, rejection_reason, raw_body, headers, source_ip, received_at,
  dedupe_key, duplicate_of, event_type, external_job_id, path_job_id, processing_attempts, updated_at, created_at`

function valuesOf(row: NewInboundLog, overrides: { status?: string; dedupeKey?: string } = {}) {
  const receivedAt = row.receivedAt.toISOString()
  return [
    row.source,
    overrides.status ?? row.status,
    row.verified ? 1 : 0,
    row.rejectionReason,
    row.rawBody,
    JSON.stringify(row.headers),
    row.sourceIp,
    receivedAt,
    overrides.dedupeKey ?? row.dedupeKey,
    row.eventType,
    row.externalJobId,
    row.pathJobId,
    receivedAt,
    receivedAt,
  ]
}

export function createSqliteInboundLogStore(client: Client): InboundLogStore {
  return {
    async insertLogs(rows) {
      const inserted = await client.batch(
        rows.map((row) => ({
          sql: `INSERT INTO webhook_logs (${COLUMNS})
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, ?)
            ON CONFLICT (source, dedupe_key) DO NOTHING RETURNING id`,
          args: valuesOf(row),
        })),
        'write',
      )
      const results: (InsertedInboundLog | null)[] = inserted.map((result) =>
        result.rows.length > 0 ? { id: Number(result.rows[0].id), duplicateOf: null } : null,
      )
      const duplicates = rows
        .map((row, index) => ({ row, index }))
        .filter(({ index }) => results[index] === null)
      if (duplicates.length > 0) {
        const logged = await client.batch(
          duplicates.map(({ row }) => ({
            sql: `INSERT INTO webhook_logs (${COLUMNS})
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
                (SELECT id FROM webhook_logs WHERE source = ? AND dedupe_key = ?), ?, ?, ?, 0, ?, ?)
              RETURNING id, duplicate_of`,
            args: (() => {
              const values = valuesOf(row, {
                status: 'duplicate',
                dedupeKey: `duplicate:${randomUUID()}`,
              })
              return [...values.slice(0, 9), row.source, row.dedupeKey, ...values.slice(9)]
            })(),
          })),
          'write',
        )
        duplicates.forEach(({ index }, position) => {
          const record = logged[position].rows[0]
          results[index] = { id: Number(record.id), duplicateOf: Number(record.duplicate_of) }
        })
      }
      return results as InsertedInboundLog[]
    },

    async claimReceivedLogs({ workerId, now, leaseMs, limit }: LogClaimRequest) {
      const nowIso = now.toISOString()
      const due = await client.execute({
        sql: `SELECT 1 FROM webhook_logs WHERE status = 'received'
          OR (status = 'processing' AND lease_expires_at <= ?) LIMIT 1`,
        args: [nowIso],
      })
      if (due.rows.length === 0) return []
      const claimed = await client.execute({
        sql: `UPDATE webhook_logs SET status = 'processing', leased_by = ?, lease_expires_at = ?, updated_at = ?
          WHERE id IN (SELECT id FROM webhook_logs
            WHERE status = 'received' OR (status = 'processing' AND lease_expires_at <= ?)
            ORDER BY received_at LIMIT ?)
          RETURNING id`,
        args: [workerId, new Date(now.getTime() + leaseMs).toISOString(), nowIso, nowIso, limit],
      })
      return claimed.rows.map((row) => Number(row.id))
    },
  }
}
