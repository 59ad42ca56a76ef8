// Matching inserted delivery rows back to the order they were given in, for every database's store.
import type { DocumentId, NewDelivery } from '../deliveryTypes'

/** The inserted ids in the order of `rows` (RETURNING promises no order): by event and subscription. */
export function orderInsertedIds(
  rows: NewDelivery[],
  returned: { id: unknown; event_id: unknown; webhook_id: unknown }[],
): DocumentId[] {
  const byKey = new Map(
    returned.map((row) => [
      `${String(row.event_id)}\u0000${Number(row.webhook_id)}`,
      Number(row.id),
    ]),
  )
  return rows.map((row) => byKey.get(`${row.eventId}\u0000${Number(row.webhookId)}`)!)
}
