// The body a delivery sends, composed from its event (stored once) and the subscription it goes to.
import type { DeliveryPayload, DocumentId } from './deliveryTypes'

export type StoredEvent = {
  eventId: string
  eventType: string
  data: Record<string, unknown>
  metadata: Record<string, unknown> | null
  /** When the event was published (ISO): the body's `timestamp` and `metadata.original_timestamp`. */
  createdAt: string
}

export function composeDeliveryPayload(
  event: StoredEvent,
  webhookId: DocumentId | null,
): DeliveryPayload {
  const publishedAt = Date.parse(event.createdAt)
  return {
    event_type: event.eventType,
    event_id: event.eventId,
    timestamp: publishedAt,
    webhook_id: webhookId === null ? '' : String(webhookId),
    data: event.data,
    metadata: { ...event.metadata, original_timestamp: publishedAt },
  }
}
