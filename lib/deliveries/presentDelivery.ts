// The public shape of a delivery with every attempt.
import type { WebhookDelivery } from '@/payload-types'
import type { AttemptRecord } from '@/lib/delivery/deliveryTypes'

export function presentDelivery(delivery: WebhookDelivery) {
  const webhook = delivery.webhook
  return {
    id: String(delivery.id),
    webhook_id: webhook == null ? null : String(typeof webhook === 'object' ? webhook.id : webhook),
    event_id: delivery.event_id,
    event_type: delivery.event_type,
    message_id: delivery.message_id,
    status: delivery.status,
    attempt_count: delivery.attempt_count,
    max_attempts: delivery.max_attempts,
    next_attempt_at:
      delivery.status === 'succeeded' || delivery.status === 'dead'
        ? null
        : (delivery.next_attempt_at ?? null),
    last_status_code: delivery.last_status_code ?? null,
    last_error: delivery.last_error ?? null,
    last_attempt_at: delivery.last_attempt_at ?? null,
    succeeded_at: delivery.succeeded_at ?? null,
    payload: delivery.payload,
    attempts: (Array.isArray(delivery.attempts) ? delivery.attempts : []) as AttemptRecord[],
    created_at: delivery.createdAt,
    updated_at: delivery.updatedAt,
  }
}
