// A subscription's secret is either a generated `whsec_` secret or one the subscriber chose (seed 001/002
// clients send any string); this decides which it is, what it must look like, and how it keys each signature.
import { z } from 'zod'

import { WEBHOOK_SECRET_PATTERN } from './generateWebhookSecret'
import { decodeSecret } from './standardWebhooks'

export const SUBSCRIBER_SECRET_LENGTH = { min: 8, max: 512 } as const

// Printable ASCII only: the secret is typed into other systems' configuration, and must not hide a newline.
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/

export const subscriberSecretSchema = z
  .string()
  .min(SUBSCRIBER_SECRET_LENGTH.min, `At least ${SUBSCRIBER_SECRET_LENGTH.min} characters`)
  .max(SUBSCRIBER_SECRET_LENGTH.max, `At most ${SUBSCRIBER_SECRET_LENGTH.max} characters`)
  .regex(PRINTABLE_ASCII, 'Use printable ASCII characters without spaces')
  .refine((secret) => !secret.startsWith('whsec_') || WEBHOOK_SECRET_PATTERN.test(secret), {
    message: 'A secret starting with whsec_ must be whsec_ followed by base64 (16+ characters)',
  })

/**
 * The Standard Webhooks key: the base64-decoded bytes after `whsec_`, as the specification says, or for a
 * secret the subscriber chose, its UTF-8 bytes (the same key X-Webhook-Signature and X-Corp-Astro-Signature use).
 */
export function standardWebhooksKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? decodeSecret(secret) : Buffer.from(secret, 'utf8')
}
