// The SQL that stores events once and the deliveries they are owed on PostgreSQL, shared by publishing
// and the worker's batched job-state writes. One statement: events that are new (ON CONFLICT skips an
// event id already stored, waiting for a concurrent insert of it to commit first) and the deliveries of
// those events only, so it is atomic on its own and inside a caller's transaction alike. Rows travel as
// one jsonb argument, so a batch of any size is one short statement.
import type { Pool, PoolClient } from 'pg'

import type { InsertedEvents, NewDelivery, NewEvent } from '../deliveryTypes'
import { orderInsertedIds } from './orderInsertedIds'

type ReturnedRow = {
  kind: 'event' | 'delivery'
  event_id: string
  id: number | null
  webhook_id: number | null
}

const INSERT_EVENTS_AND_DELIVERIES = `
  WITH new_events AS (
    INSERT INTO webhook_events (event_id, event_type, job_id, data, metadata, deliveries_created,
      updated_at, created_at)
    SELECT e.event_id, e.event_type, e.job_id, e.data, e.metadata, e.deliveries_created, $1, $1
    FROM jsonb_to_recordset($2::jsonb) AS e(event_id text, event_type text, job_id text, data jsonb,
      metadata jsonb, deliveries_created integer)
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id
  ), new_deliveries AS (
    INSERT INTO webhook_deliveries (webhook_id, job_id, event_id, event_type, message_id, status,
      attempt_count, max_attempts, next_attempt_at, attempts, updated_at, created_at)
    SELECT d.webhook_id, d.job_id, d.event_id, d.event_type, d.message_id, 'pending', 0, d.max_attempts,
      d.next_attempt_at, '[]'::jsonb, $1, $1
    FROM jsonb_to_recordset($3::jsonb) AS d(webhook_id integer, job_id text, event_id text,
      event_type text, message_id text, max_attempts integer, next_attempt_at timestamptz)
    WHERE d.event_id IN (SELECT event_id FROM new_events)
    RETURNING id, event_id, webhook_id
  )
  SELECT 'event' AS kind, event_id, NULL::integer AS id, NULL::integer AS webhook_id FROM new_events
  UNION ALL
  SELECT 'delivery', event_id, id, webhook_id FROM new_deliveries`

/** Delivery ids come in the order of `deliveries`, leaving out those of events already stored. */
export async function insertEventsWithDeliveries(
  client: Pool | PoolClient,
  events: NewEvent[],
  deliveries: NewDelivery[],
  now: Date,
): Promise<InsertedEvents> {
  if (events.length === 0) return { duplicateEventIds: [], deliveryIds: [] }
  const counts = new Map<string, number>()
  for (const row of deliveries) counts.set(row.eventId, (counts.get(row.eventId) ?? 0) + 1)
  const result = await client.query<ReturnedRow>(INSERT_EVENTS_AND_DELIVERIES, [
    now.toISOString(),
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
    JSON.stringify(
      deliveries.map((row) => ({
        webhook_id: Number(row.webhookId),
        job_id: row.jobId,
        event_id: row.eventId,
        event_type: row.eventType,
        message_id: row.messageId,
        max_attempts: row.maxAttempts,
        next_attempt_at: row.nextAttemptAt.toISOString(),
      })),
    ),
  ])
  const stored = new Set(
    result.rows.filter((row) => row.kind === 'event').map((row) => row.event_id),
  )
  return {
    duplicateEventIds: [
      ...new Set(events.filter((event) => !stored.has(event.eventId)).map((e) => e.eventId)),
    ],
    deliveryIds: orderInsertedIds(
      deliveries.filter((row) => stored.has(row.eventId)),
      result.rows.filter((row) => row.kind === 'delivery'),
    ),
  }
}
