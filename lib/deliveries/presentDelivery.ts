// The public shape of a delivery with every attempt, and the body it sends (from its event, stored once).
import type { Payload } from 'payload'

import { composeDeliveryPayload } from '@/lib/delivery/composeDeliveryPayload'
import type { AttemptRecord } from '@/lib/delivery/deliveryTypes'
import type { WebhookDelivery, WebhookEvent } from '@/payload-types'

function webhookIdOf(delivery: WebhookDelivery): string | null {
  const webhook = delivery.webhook
  return webhook == null ? null : String(typeof webhook === 'object' ? webhook.id : webhook)
}

export function presentDelivery(delivery: WebhookDelivery, event: WebhookEvent | undefined) {
  const webhookId = webhookIdOf(delivery)
  return {
    id: String(delivery.id),
    webhook_id: webhookId,
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
    payload: composeDeliveryPayload(
      {
        eventId: delivery.event_id,
        eventType: delivery.event_type,
        data: (event?.data as Record<string, unknown> | undefined) ?? {},
        metadata: (event?.metadata as Record<string, unknown> | null | undefined) ?? null,
        createdAt: event?.createdAt ?? delivery.createdAt,
      },
      webhookId,
    ),
    attempts: (Array.isArray(delivery.attempts) ? delivery.attempts : []) as AttemptRecord[],
    created_at: delivery.createdAt,
    updated_at: delivery.updatedAt,
  }
}

export type PresentedDelivery = ReturnType<typeof presentDelivery>

/** Presents deliveries with their events, read in one query. */
export async function presentDeliveries(
  payload: Payload,
  deliveries: WebhookDelivery[],
): Promise<PresentedDelivery[]> {
  if (deliveries.length === 0) return []
  const events = await payload.find({
    collection: 'webhook-events',
    where: { event_id: { in: [...new Set(deliveries.map((delivery) => delivery.event_id))] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const byId = new Map(events.docs.map((event) => [event.event_id, event]))
  return deliveries.map((delivery) => presentDelivery(delivery, byId.get(delivery.event_id)))
}
