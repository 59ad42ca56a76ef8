// Seed 002's (Corp Astro) format: body {id, timestamp, event_type, data}, hex HMAC-SHA256 of that body in
// X-Corp-Astro-Signature, and its queue's policy of 5 attempts with exponential backoff from 30 seconds.
import { HUB_USER_AGENT } from '@/lib/model/hubVersion'
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { keepCustomHeaders, type DeliveryFormat } from './deliveryFormat'

const CORP_ASTRO_HEADER_NAMES = [
  'x-corp-astro-webhook-id',
  'x-corp-astro-event',
  'x-corp-astro-signature',
  'x-corp-astro-timestamp',
  'content-type',
  'content-length',
  'host',
  'user-agent',
] as const
const RESERVED_HEADER_NAMES: ReadonlySet<string> = new Set(CORP_ASTRO_HEADER_NAMES)

export const corpAstroFormat: DeliveryFormat = {
  description:
    'Seed 002 (Corp Astro): body {id, timestamp, event_type, data}; X-Corp-Astro-Signature is the hex ' +
    'HMAC-SHA256 of the body keyed by the secret; X-Corp-Astro-Webhook-ID, -Event and -Timestamp.',
  headerNames: CORP_ASTRO_HEADER_NAMES,
  // Bull's `attempts: 5, backoff: { type: 'exponential', delay: 30000 }`: 30 s, 60 s, 120 s, 240 s.
  defaultRetryConfig: {
    max_attempts: 5,
    initial_delay_ms: 30_000,
    backoff_multiplier: 2,
    max_delay_ms: 240_000,
  },
  build(attempt) {
    const deliveryId = `whd_${attempt.deliveryId}`
    // The seed stamps each attempt when it is sent, body and header alike.
    const timestamp = attempt.now.toISOString()
    // Built with JSON.stringify and keys in this order, so that a receiver's JSON.stringify(req.body)
    // gives back exactly these bytes, which is what seed 002's receiver signs.
    const body = JSON.stringify({
      id: deliveryId,
      timestamp,
      event_type: attempt.payload.event_type,
      data: attempt.payload.data,
    })
    return {
      body,
      headers: {
        ...keepCustomHeaders(attempt.customHeaders, RESERVED_HEADER_NAMES),
        'content-type': 'application/json',
        'user-agent': HUB_USER_AGENT,
        'x-corp-astro-webhook-id': deliveryId,
        'x-corp-astro-event': attempt.payload.event_type,
        'x-corp-astro-signature': signHmacSha256Hex(attempt.secrets.current, body),
        'x-corp-astro-timestamp': timestamp,
      },
    }
  },
}
