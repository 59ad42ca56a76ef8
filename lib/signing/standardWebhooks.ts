// Standard Webhooks signing and verification: HMAC-SHA256 over `id.timestamp.body`, keyed by the whsec_ secret
// (or by raw key bytes the caller derived, as subscriptions with a subscriber-chosen secret do).
import { createHmac, timingSafeEqual } from 'node:crypto'

export const DEFAULT_TOLERANCE_SECONDS = 300

export class WebhookVerificationError extends Error {
  readonly code = 'invalid_signature'
  constructor(message: string) {
    super(message)
    this.name = 'WebhookVerificationError'
  }
}

/** The key bytes: given as they are, or base64 after an optional `whsec_` prefix. */
export function decodeSecret(secret: string | Buffer): Buffer {
  if (Buffer.isBuffer(secret)) return secret
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret
  return Buffer.from(encoded, 'base64')
}

export function signStandardWebhook(
  secret: string | Buffer,
  messageId: string,
  timestampSeconds: number,
  body: string | Buffer,
): string {
  const hmac = createHmac('sha256', decodeSecret(secret))
  hmac.update(`${messageId}.${timestampSeconds}.`)
  hmac.update(body)
  return `v1,${hmac.digest('base64')}`
}

/** Every secret in force signs; receivers accept the message if any signature verifies. */
export function signStandardWebhookWithAll(
  secrets: (string | Buffer)[],
  messageId: string,
  timestampSeconds: number,
  body: string | Buffer,
): string {
  return secrets
    .map((secret) => signStandardWebhook(secret, messageId, timestampSeconds, body))
    .join(' ')
}

export type StandardWebhookHeaders = {
  'webhook-id'?: string | null
  'webhook-timestamp'?: string | null
  'webhook-signature'?: string | null
}

/** Verifies signature and timestamp together, so no caller can check one and forget the other. */
export function verifyStandardWebhook(
  secrets: (string | Buffer)[],
  rawBody: string | Buffer,
  headers: StandardWebhookHeaders,
  options: { nowSeconds: number; toleranceSeconds?: number },
): { messageId: string; timestampSeconds: number } {
  const messageId = headers['webhook-id']
  const timestampHeader = headers['webhook-timestamp']
  const signatureHeader = headers['webhook-signature']
  if (!messageId || !timestampHeader || !signatureHeader) {
    throw new WebhookVerificationError(
      'Missing webhook-id, webhook-timestamp or webhook-signature header',
    )
  }
  const timestampSeconds = Number(timestampHeader)
  if (!/^\d{1,12}$/.test(timestampHeader) || !Number.isSafeInteger(timestampSeconds)) {
    throw new WebhookVerificationError('Invalid webhook-timestamp header')
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  if (timestampSeconds < options.nowSeconds - tolerance) {
    throw new WebhookVerificationError('Message timestamp too old')
  }
  if (timestampSeconds > options.nowSeconds + tolerance) {
    throw new WebhookVerificationError('Message timestamp too new')
  }
  // Compared as text, as the reference library does: Node's base64 decoder would also accept a
  // signature with its padding dropped or stray characters added.
  const offered = signatureHeader
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'utf8'))
  for (const secret of secrets) {
    const expected = Buffer.from(
      signStandardWebhook(secret, messageId, timestampSeconds, rawBody).slice(3),
      'utf8',
    )
    if (
      offered.some(
        (candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected),
      )
    ) {
      return { messageId, timestampSeconds }
    }
  }
  throw new WebhookVerificationError('No matching signature found')
}
