// Standard Webhooks secrets: `whsec_` followed by base64 of 24 random bytes.
import { randomBytes } from 'node:crypto'

export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}
