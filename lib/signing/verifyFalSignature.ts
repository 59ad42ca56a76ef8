// fal.ai webhook signatures: Ed25519 over `requestId\nuserId\ntimestamp\nsha256hex(body)`.
import { createHash, verify, type KeyObject } from 'node:crypto'

import { DEFAULT_TOLERANCE_SECONDS } from './standardWebhooks'

/**
 * `malformed` and `expired` are final; `unknown_key` means no given key verified a well-formed,
 * fresh request, the one case where fetching the JWKS anew can change the answer.
 */
export type FalSignatureFailure = 'malformed' | 'expired' | 'unknown_key'

export class FalSignatureError extends Error {
  readonly code = 'invalid_signature'
  readonly reason: FalSignatureFailure

  constructor(reason: FalSignatureFailure, message: string) {
    super(message)
    this.name = 'FalSignatureError'
    this.reason = reason
  }
}

export type FalWebhookHeaders = {
  requestId?: string | null
  userId?: string | null
  timestamp?: string | null
  signature?: string | null
}

export type VerifiedFalSignature = { requestId: string; userId: string; timestampSeconds: number }

function buildFalSignedMessage(parts: {
  requestId: string
  userId: string
  timestamp: string
  rawBody: Buffer
}): Buffer {
  const bodyDigest = createHash('sha256').update(parts.rawBody).digest('hex')
  return Buffer.from(
    `${parts.requestId}\n${parts.userId}\n${parts.timestamp}\n${bodyDigest}`,
    'utf8',
  )
}

function isSignedByAnyKey(keys: readonly KeyObject[], message: Buffer, signature: Buffer): boolean {
  return keys.some((key) => {
    try {
      return verify(null, message, key, signature)
    } catch {
      return false
    }
  })
}

/** Headers, then timestamp window, then signature: stale forgeries never cost a key fetch. */
export function verifyFalSignature(
  keys: readonly KeyObject[],
  rawBody: Buffer,
  headers: FalWebhookHeaders,
  options: { nowSeconds: number; toleranceSeconds?: number },
): VerifiedFalSignature {
  const { requestId, userId, timestamp, signature } = headers
  if (!requestId || !userId || !timestamp || !signature) {
    throw new FalSignatureError(
      'malformed',
      'Missing X-Fal-Webhook-Request-Id, -User-Id, -Timestamp or -Signature header',
    )
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new FalSignatureError('malformed', 'Invalid X-Fal-Webhook-Timestamp header')
  }
  if (!/^[0-9a-f]{128}$/i.test(signature)) {
    throw new FalSignatureError('malformed', 'X-Fal-Webhook-Signature must be 128 hex characters')
  }
  const timestampSeconds = Number(timestamp)
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  if (timestampSeconds < options.nowSeconds - tolerance) {
    throw new FalSignatureError('expired', 'fal webhook timestamp is too old')
  }
  if (timestampSeconds > options.nowSeconds + tolerance) {
    throw new FalSignatureError('expired', 'fal webhook timestamp is too new')
  }
  const message = buildFalSignedMessage({ requestId, userId, timestamp, rawBody })
  if (!isSignedByAnyKey(keys, message, Buffer.from(signature, 'hex'))) {
    throw new FalSignatureError('unknown_key', 'fal webhook signature matches no known fal key')
  }
  return { requestId, userId, timestampSeconds }
}
