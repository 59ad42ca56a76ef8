// SQLite delivery store: one UPDATE … RETURNING claims atomically; batches run in one write transaction.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { composeDeliveryPayload } from '../composeDeliveryPayload'
import { orderInsertedIds } from './orderInsertedIds'
import { buildDeliveryInsert, buildEventInsert } from './sqliteEventRows'
import type { ClaimedDelivery, DeliveryOutcome, DocumentId } from '../deliveryTypes'
import type { ClaimRequest, DeliveryStore, RequeueSelection } from './deliveryStore'

type Client = SQLiteAdapter['client']

// How many due rows a claim looks at per row it may take: enough to reach past a full subscription.
const CANDIDATES_PER_CLAIMED_ROW = 4

type ClaimedRow = {
  id: number
  webhook_id: number | null
  event_id: string
  event_type: string
  message_id: string
  attempt_count: number
  max_attempts: number
  created_at: string
}

type EventRow = { event_id: string; data: string; metadata: string | null; created_at: string }

function toClaimedDelivery(row: ClaimedRow, event: EventRow | undefined): ClaimedDelivery {
  const webhookId = row.webhook_id === null ? null : Number(row.webhook_id)
  return {
    id: Number(row.id),
    webhookId,
    eventId: row.event_id,
    eventType: row.event_type,
    messageId: row.message_id,
    payload: event
      ? composeDeliveryPayload(
          {
            eventId: row.event_id,
            eventType: row.event_type,
            data: JSON.parse(event.data),
            metadata: event.metadata ? JSON.parse(event.metadata) : null,
            createdAt: event.created_at,
          },
          webhookId,
        )
      : null,
    attemptCount: Number(row.attempt_count),
    maxAttempts: Number(row.max_attempts),
    createdAt: row.created_at,
  }
}

const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed: webhook_events/.test(String((error as Error)?.message ?? error))

export function createSqliteDeliveryStore(client: Client): DeliveryStore {
  return {
    async insertEvents(events, deliveries, now) {
      if (events.length === 0) return { duplicateEventIds: [], deliveryIds: [] }
      const nowIso = now.toISOString()
      // A concurrent publish of the same event_id can win between the check and the write: the unique
      // index then fails the whole batch (nothing written) and the check runs again.
      for (let round = 0; ; round += 1) {
        const stored = await client.execute({
          sql: `SELECT event_id FROM webhook_events WHERE event_id IN (SELECT value FROM json_each(?))`,
          args: [JSON.stringify(events.map((event) => event.eventId))],
        })
        const duplicates = new Set(stored.rows.map((row) => String(row.event_id)))
        const freshEvents = events.filter((event) => !duplicates.has(event.eventId))
        const freshDeliveries = deliveries.filter((row) => !duplicates.has(row.eventId))
        const counts = new Map<string, number>()
        for (const row of freshDeliveries)
          counts.set(row.eventId, (counts.get(row.eventId) ?? 0) + 1)
        const statements = [
          ...(freshEvents.length > 0 ? [buildEventInsert(freshEvents, counts, nowIso)] : []),
          ...(freshDeliveries.length > 0 ? [buildDeliveryInsert(freshDeliveries, nowIso)] : []),
        ]
        try {
          const results = statements.length > 0 ? await client.batch(statements, 'write') : []
          const returned = freshDeliveries.length > 0 ? results[results.length - 1].rows : []
          return {
            duplicateEventIds: [...duplicates],
            deliveryIds: orderInsertedIds(
              freshDeliveries,
              returned as unknown as Parameters<typeof orderInsertedIds>[1],
            ),
          }
        } catch (error) {
          if (round >= 2 || !isUniqueViolation(error)) throw error
        }
      }
    },

    async claimDueDeliveries(request: ClaimRequest) {
      const { workerId, now, leaseMs, limit, excludeWebhookIds } = request
      const nowIso = now.toISOString()
      const exclusion =
        excludeWebhookIds.length > 0
          ? `AND webhook_id NOT IN (${excludeWebhookIds.map(() => '?').join(', ')})`
          : ''
      const excluded = excludeWebhookIds.map(Number)
      // Candidates: the earliest due rows of each kind. Each subscription then gets no more rows than it
      // has room for in this worker, so a claim never takes rows only to hand them back.
      const candidates = limit * CANDIDATES_PER_CLAIMED_ROW
      const branch = (condition: string, due: string) =>
        `SELECT id, webhook_id, ${due} AS due FROM (SELECT id, webhook_id, ${due} FROM webhook_deliveries
          WHERE ${condition} ${exclusion} ORDER BY ${due} LIMIT ?)`
      const result = await client.execute({
        sql: `UPDATE webhook_deliveries
          SET status = 'in_flight', leased_by = ?, lease_expires_at = ?, updated_at = ?
          WHERE id IN (
            SELECT id FROM (
              SELECT due_rows.id AS id, due_rows.due AS due,
                ROW_NUMBER() OVER (PARTITION BY due_rows.webhook_id ORDER BY due_rows.due) AS place,
                COALESCE(room.value, ?) AS room
              FROM (
                ${branch("status = 'pending' AND next_attempt_at <= ?", 'next_attempt_at')}
                UNION ALL
                ${branch("status = 'failed' AND next_attempt_at <= ?", 'next_attempt_at')}
                UNION ALL
                ${branch("status = 'in_flight' AND lease_expires_at <= ?", 'lease_expires_at')}
              ) AS due_rows
              LEFT JOIN json_each(?) AS room ON room.key = CAST(due_rows.webhook_id AS TEXT))
            WHERE place <= room ORDER BY due LIMIT ?)
          RETURNING id, webhook_id, event_id, event_type, message_id, attempt_count, max_attempts,
            created_at`,
        args: [
          workerId,
          new Date(now.getTime() + leaseMs).toISOString(),
          nowIso,
          request.defaultRoom ?? limit,
          nowIso,
          ...excluded,
          candidates,
          nowIso,
          ...excluded,
          candidates,
          nowIso,
          ...excluded,
          candidates,
          JSON.stringify(request.roomPerSubscription ?? {}),
          limit,
        ],
      })
      const rows = result.rows as unknown as ClaimedRow[]
      if (rows.length === 0) return []
      const events = await client.execute({
        sql: `SELECT event_id, data, metadata, created_at FROM webhook_events
          WHERE event_id IN (SELECT value FROM json_each(?))`,
        args: [JSON.stringify([...new Set(rows.map((row) => row.event_id))])],
      })
      const byId = new Map(
        (events.rows as unknown as EventRow[]).map((event) => [event.event_id, event]),
      )
      return rows.map((row) => toClaimedDelivery(row, byId.get(row.event_id)))
    },

    async recordOutcomes(workerId: string, outcomes: DeliveryOutcome[], now: Date) {
      if (outcomes.length === 0) return 0
      const nowIso = now.toISOString()
      const rows = outcomes.map((outcome) => ({
        id: Number(outcome.id),
        status: outcome.status,
        next_attempt_at: outcome.nextAttemptAt ? outcome.nextAttemptAt.toISOString() : null,
        status_code: outcome.attempt.status_code,
        error: outcome.attempt.error,
        duration_ms: outcome.attempt.duration_ms,
        attempted_at: outcome.attempt.attempted_at,
        succeeded_at: outcome.status === 'succeeded' ? nowIso : null,
        attempt: outcome.attempt,
      }))
      const result = await client.execute({
        sql: `UPDATE webhook_deliveries AS d
          SET status = o.status, attempt_count = d.attempt_count + 1, next_attempt_at = o.next_attempt_at,
            lease_expires_at = NULL, leased_by = NULL, last_status_code = o.status_code,
            last_error = o.error, last_duration_ms = o.duration_ms, last_attempt_at = o.attempted_at,
            succeeded_at = COALESCE(o.succeeded_at, d.succeeded_at),
            attempts = json_insert(COALESCE(d.attempts, '[]'), '$[#]', json(o.attempt)), updated_at = ?
          FROM (SELECT value ->> 'id' AS id, value ->> 'status' AS status,
              value ->> 'next_attempt_at' AS next_attempt_at, value ->> 'status_code' AS status_code,
              value ->> 'error' AS error, value ->> 'duration_ms' AS duration_ms,
              value ->> 'attempted_at' AS attempted_at, value ->> 'succeeded_at' AS succeeded_at,
              value -> 'attempt' AS attempt
            FROM json_each(?)) AS o
          WHERE d.id = o.id AND +d.leased_by = ? AND +d.status = 'in_flight'`,
        args: [nowIso, JSON.stringify(rows), workerId],
      })
      return result.rowsAffected
    },

    async requeueDeliveries(selection: RequeueSelection, now: Date) {
      const conditions = [`status IN (${selection.statuses.map(() => '?').join(', ')})`]
      const args: (string | number)[] = [...selection.statuses]
      if (selection.ids) {
        if (selection.ids.length === 0) return []
        conditions.push(`id IN (${selection.ids.map(() => '?').join(', ')})`)
        args.push(...selection.ids.map(Number))
      }
      if (selection.webhookId !== undefined) {
        conditions.push('webhook_id = ?')
        args.push(Number(selection.webhookId))
      }
      if (selection.createdSince) {
        conditions.push('created_at >= ?')
        args.push(selection.createdSince.toISOString())
      }
      const nowIso = now.toISOString()
      const result = await client.execute({
        sql: `UPDATE webhook_deliveries
          SET status = CASE WHEN attempt_count = 0 THEN 'pending' ELSE 'failed' END,
            next_attempt_at = ?, max_attempts = MAX(max_attempts, attempt_count + 1),
            lease_expires_at = NULL, leased_by = NULL, updated_at = ?
          WHERE ${conditions.join(' AND ')}
          RETURNING id`,
        args: [nowIso, nowIso, ...args],
      })
      return result.rows.map((row) => Number(row.id))
    },

    async releaseDeliveries(workerId: string, ids: DocumentId[], now: Date) {
      if (ids.length === 0) return
      const nowIso = now.toISOString()
      await client.execute({
        sql: `UPDATE webhook_deliveries
          SET status = CASE WHEN attempt_count = 0 THEN 'pending' ELSE 'failed' END,
            leased_by = NULL, lease_expires_at = NULL, next_attempt_at = ?, updated_at = ?
          WHERE leased_by = ? AND status = 'in_flight' AND id IN (${ids.map(() => '?').join(', ')})`,
        args: [nowIso, nowIso, workerId, ...ids.map(Number)],
      })
    },

    async setSubscriptionFailingSince(webhookId: DocumentId, failingSince: Date | null, now: Date) {
      await client.execute({
        sql: 'UPDATE webhooks SET failing_since = ?, updated_at = ? WHERE id = ?',
        args: [failingSince?.toISOString() ?? null, now.toISOString(), Number(webhookId)],
      })
    },
  }
}
