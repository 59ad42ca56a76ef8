// The SQL that stores events once and the deliveries they are owed, shared by publishing and the
// worker's batched job-state writes. Rows travel as one JSON argument read with json_each, so a batch of
// any size is one short statement (no per-row placeholders to prepare).
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type { NewDelivery, NewEvent } from '../deliveryTypes'

export type InStatement = Parameters<SQLiteAdapter['client']['batch']>[0][number]

export function buildEventInsert(
  events: NewEvent[],
  counts: Map<string, number>,
  nowIso: string,
): InStatement {
  return {
    sql: `INSERT INTO webhook_events (event_id, event_type, job_id, data, metadata, deliveries_created,
        updated_at, created_at)
      SELECT value ->> 'event_id', value ->> 'event_type', value ->> 'job_id', value -> 'data',
        value -> 'metadata', value ->> 'deliveries_created', ?, ?
      FROM json_each(?)`,
    args: [
      nowIso,
      nowIso,
      JSON.stringify(
        events.map((event) => ({
          event_id: event.eventId,
          event_type: event.eventType,
          job_id: event.jobId,
          data: event.data,
          metadata: event.metadata,
          deliveries_created: counts.get(event.eventId) ?? 0,
        })),
      ),
    ],
  }
}

export function buildDeliveryInsert(rows: NewDelivery[], nowIso: string): InStatement {
  return {
    sql: `INSERT INTO webhook_deliveries (webhook_id, job_id, event_id, event_type, message_id, status,
        attempt_count, max_attempts, next_attempt_at, attempts, updated_at, created_at)
      SELECT value ->> 'webhook_id', value ->> 'job_id', value ->> 'event_id', value ->> 'event_type',
        value ->> 'message_id', 'pending', 0, value ->> 'max_attempts', value ->> 'next_attempt_at', '[]', ?, ?
      FROM json_each(?)
      RETURNING id, event_id, webhook_id`,
    args: [
      nowIso,
      nowIso,
      JSON.stringify(
        rows.map((row) => ({
          webhook_id: Number(row.webhookId),
          job_id: row.jobId,
          event_id: row.eventId,
          event_type: row.eventType,
          message_id: row.messageId,
          max_attempts: row.maxAttempts,
          next_attempt_at: row.nextAttemptAt.toISOString(),
        })),
      ),
    ],
  }
}
