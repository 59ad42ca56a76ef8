// The exact body and headers of one attempt in the standard format, as DESIGN.md specifies them.
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { signStandardWebhookWithAll } from '@/lib/signing/standardWebhooks'
import { standardWebhooksKey } from '@/lib/signing/subscriberSecret'
import { HUB_USER_AGENT } from '@/lib/model/hubVersion'
import type { DeliveryPayload } from './deliveryTypes'
import { keepCustomHeaders } from './formats/deliveryFormat'

export type SigningSecrets = { current: string; previous: string | null }

/** Headers the standard format sets: they carry the signature and identity of the message. */
export const STANDARD_HEADER_NAMES: ReadonlySet<string> = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'x-webhook-event',
  'x-webhook-id',
  'x-event-id',
  'x-webhook-signature',
  'content-type',
  'content-length',
  'host',
  'user-agent',
])

export function buildDeliveryBody(payload: DeliveryPayload, retryAttempt: number): string {
  return JSON.stringify({
    event_type: payload.event_type,
    event_id: payload.event_id,
    timestamp: payload.timestamp,
    webhook_id: payload.webhook_id,
    data: payload.data,
    metadata: { ...payload.metadata, retry_attempt: retryAttempt },
  })
}

export function buildDeliveryHeaders(args: {
  body: string
  messageId: string
  eventType: string
  eventId: string
  subscriptionId: string
  secrets: SigningSecrets
  customHeaders: Record<string, string>
  timestampSeconds: number
}): Record<string, string> {
  const signingKeys = (
    args.secrets.previous ? [args.secrets.current, args.secrets.previous] : [args.secrets.current]
  ).map(standardWebhooksKey)
  return {
    ...keepCustomHeaders(args.customHeaders, STANDARD_HEADER_NAMES),
    'content-type': 'application/json',
    'user-agent': HUB_USER_AGENT,
    'webhook-id': args.messageId,
    'webhook-timestamp': String(args.timestampSeconds),
    'webhook-signature': signStandardWebhookWithAll(
      signingKeys,
      args.messageId,
      args.timestampSeconds,
      args.body,
    ),
    'x-webhook-event': args.eventType,
    'x-webhook-id': args.subscriptionId,
    'x-event-id': args.eventId,
    // Keyed by the secret's own characters, `whsec_` included: what seed 001's receivers verify with.
    'x-webhook-signature': `sha256=${signHmacSha256Hex(args.secrets.current, args.body)}`,
  }
}
