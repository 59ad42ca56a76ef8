// SQLite inbound log store: each batch is one write transaction; the unique (source, dedupe_key) index
// decides duplicates, so two copies racing in separate requests still yield one original.
import { randomUUID } from 'node:crypto'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type {
  ClaimedLog,
  InboundLogStore,
  LogOutcome,
  InsertedInboundLog,
  LogClaimRequest,
  NewInboundLog,
} from './inboundLogStore'

type Client = SQLiteAdapter['client']

type ClaimedLogRow = {
  id: number
  source: string
  raw_body: string | null
  raw_body_base64: string | null
  dedupe_key: string
  event_type: string | null
  external_job_id: string | null
  path_job_id: string | null
  job_id: number | null
  received_at: string
}

function toClaimedLog(row: ClaimedLogRow): ClaimedLog {
  return {
    id: Number(row.id),
    source: row.source,
    rawBody: row.raw_body,
    rawBodyBase64: row.raw_body_base64,
    dedupeKey: row.dedupe_key,
    eventType: row.event_type,
    externalJobId: row.external_job_id,
    pathJobId: row.path_job_id,
    jobId: row.job_id === null ? null : Number(row.job_id),
    receivedAt: row.received_at,
  }
}

// A normalized update too deep to serialize is left out rather than failing the batch's write.
function stringifyOrNull(value: unknown): string | null {
  if (value === null) return null
  try {
    return JSON.stringify(value)
  } catch {
    return null
  }
}

/** One UPDATE for a whole batch of outcomes; also used inside the job-state transaction. */
export function buildLogOutcomeUpdate(outcomes: LogOutcome[], now: Date) {
  const nowIso = now.toISOString()
  return {
    sql: `UPDATE webhook_logs AS l
      SET status = o.status, error_message = o.error, normalized = o.normalized,
        job_id = COALESCE(o.job_id, l.job_id), processed_at = ?, updated_at = ?,
        processing_attempts = COALESCE(l.processing_attempts, 0) + 1,
        lease_expires_at = NULL, leased_by = NULL
      FROM (SELECT value ->> 'id' AS id, value ->> 'status' AS status, value ->> 'error' AS error,
          value ->> 'normalized' AS normalized, value ->> 'job_id' AS job_id FROM json_each(?)) AS o
      WHERE l.id = o.id`,
    args: [
      nowIso,
      nowIso,
      JSON.stringify(
        outcomes.map((outcome) => ({
          id: Number(outcome.id),
          status: outcome.status,
          error: outcome.error === null ? null : outcome.error.slice(0, 2000),
          normalized: stringifyOrNull(outcome.normalized),
          job_id: outcome.jobId === null ? null : Number(outcome.jobId),
        })),
      ),
    ],
  }
}

const COLUMNS = `source, status, verified, rejection_reason, raw_body, raw_body_base64, raw_body_size, headers,
  source_ip, received_at, dedupe_key, duplicate_of, event_type, external_job_id, path_job_id,
  processing_attempts, updated_at, created_at`

function valuesOf(row: NewInboundLog, overrides: { status?: string; dedupeKey?: string } = {}) {
  const receivedAt = row.receivedAt.toISOString()
  return [
    row.source,
    overrides.status ?? row.status,
    row.verified ? 1 : 0,
    row.rejectionReason,
    row.rawBody,
    row.rawBodyBase64,
    row.rawBodySize,
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
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, ?)
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
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                (SELECT id FROM webhook_logs WHERE source = ? AND dedupe_key = ?), ?, ?, ?, 0, ?, ?)
              RETURNING id, duplicate_of`,
            args: (() => {
              const values = valuesOf(row, {
                status: 'duplicate',
                dedupeKey: `duplicate:${randomUUID()}`,
              })
              return [...values.slice(0, 11), row.source, row.dedupeKey, ...values.slice(11)]
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

    async claimLogs({ workerId, now, leaseMs, limit }: LogClaimRequest) {
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
          RETURNING id, source, raw_body, raw_body_base64, dedupe_key, event_type, external_job_id, path_job_id, job_id,
            received_at`,
        args: [workerId, new Date(now.getTime() + leaseMs).toISOString(), nowIso, nowIso, limit],
      })
      return (claimed.rows as unknown as ClaimedLogRow[])
        .map(toClaimedLog)
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || Number(a.id) - Number(b.id))
    },

    async recordLogOutcomes(outcomes: LogOutcome[], now: Date) {
      if (outcomes.length === 0) return
      await client.execute(buildLogOutcomeUpdate(outcomes, now))
    },
  }
}
