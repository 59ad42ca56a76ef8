// The SQL that stores events once and the deliveries they are owed, shared by publishing and the
// worker's batched job-state writes.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type { NewDelivery, NewEvent } from '../deliveryTypes'

export type InStatement = Parameters<SQLiteAdapter['client']['batch']>[0][number]

/** Rows per INSERT: 500 deliveries × 9 values stays far below SQLite's 32,766 variables. */
export const INSERT_CHUNK_ROWS = 500

export function buildEventInsert(
  events: NewEvent[],
  counts: Map<string, number>,
  nowIso: string,
): InStatement {
  return {
    sql: `INSERT INTO webhook_events (event_id, event_type, job_id, data, metadata, deliveries_created,
        updated_at, created_at)
      VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    args: events.flatMap((event) => [
      event.eventId,
      event.eventType,
      event.jobId,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      counts.get(event.eventId) ?? 0,
      nowIso,
      nowIso,
    ]),
  }
}

export function buildDeliveryInsert(rows: NewDelivery[], nowIso: string): InStatement {
  const placeholders = rows.map(() => "(?, ?, ?, ?, ?, 'pending', 0, ?, ?, '[]', ?, ?)").join(', ')
  const args = rows.flatMap((row) => [
    Number(row.webhookId),
    row.jobId,
    row.eventId,
    row.eventType,
    row.messageId,
    row.maxAttempts,
    row.nextAttemptAt.toISOString(),
    nowIso,
    nowIso,
  ])
  return {
    sql: `INSERT INTO webhook_deliveries (webhook_id, job_id, event_id, event_type, message_id, status,
      attempt_count, max_attempts, next_attempt_at, attempts, updated_at, created_at)
      VALUES ${placeholders} RETURNING id`,
    args,
  }
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size))
  return chunks
}
