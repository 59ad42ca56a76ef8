// The hub's own format: the event envelope, Standard Webhooks signature and the X-Webhook-* headers.
import {
  buildDeliveryBody,
  buildDeliveryHeaders,
  STANDARD_HEADER_NAMES,
} from '../buildDeliveryRequest'
import type { DeliveryFormat } from './deliveryFormat'

export const standardFormat: DeliveryFormat = {
  description:
    'The event envelope {event_type, event_id, timestamp, webhook_id, data, metadata}, signed with ' +
    'Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) and X-Webhook-Signature.',
  headerNames: [...STANDARD_HEADER_NAMES],
  build(attempt) {
    const body = buildDeliveryBody(attempt.payload, attempt.attemptCount)
    const headers = buildDeliveryHeaders({
      body,
      messageId: attempt.messageId,
      eventType: attempt.payload.event_type,
      eventId: attempt.payload.event_id,
      subscriptionId: attempt.subscriptionId,
      secrets: attempt.secrets,
      customHeaders: attempt.customHeaders,
      timestampSeconds: Math.floor(attempt.now.getTime() / 1000),
    })
    return { body, headers }
  },
}
