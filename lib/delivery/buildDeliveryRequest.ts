// The exact body and headers of one attempt, as DESIGN.md specifies them.
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { signStandardWebhookWithAll } from '@/lib/signing/standardWebhooks'
import { HUB_USER_AGENT } from '@/lib/model/hubVersion'
import type { DeliveryPayload } from './deliveryTypes'

export type SigningSecrets = { current: string; previous: string | null }

/** Headers a subscription may not override: they carry the signature and identity of the message. */
export const PROTECTED_HEADER_NAMES = new Set([
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
  const signingSecrets = args.secrets.previous
    ? [args.secrets.current, args.secrets.previous]
    : [args.secrets.current]
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(args.customHeaders)) {
    if (!PROTECTED_HEADER_NAMES.has(name.toLowerCase())) headers[name] = value
  }
  return {
    ...headers,
    'content-type': 'application/json',
    'user-agent': HUB_USER_AGENT,
    'webhook-id': args.messageId,
    'webhook-timestamp': String(args.timestampSeconds),
    'webhook-signature': signStandardWebhookWithAll(
      signingSecrets,
      args.messageId,
      args.timestampSeconds,
      args.body,
    ),
    'x-webhook-event': args.eventType,
    'x-webhook-id': args.subscriptionId,
    'x-event-id': args.eventId,
    'x-webhook-signature': `sha256=${signHmacSha256Hex(args.secrets.current, args.body)}`,
  }
}
