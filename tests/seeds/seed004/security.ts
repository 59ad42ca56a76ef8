// Seed 004's lib/webhooks/security.ts, verbatim.
import crypto from 'crypto'

export function verifyWebhookSignature(
  payload: string,
  signature: string,
  secret: string
): boolean {
  const expectedSignature = crypto
    .createHmac('sha256', secret)
    .update(payload)
    .digest('hex')

  return crypto.timingSafeEqual(
    Buffer.from(signature),
    Buffer.from(expectedSignature)
  )
}

export function generateWebhookSignature(payload: string, secret: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(payload)
    .digest('hex')
}

export function validateWebhookTimestamp(
  timestamp: string,
  tolerance: number = 300 // 5 minutes
): boolean {
  const now = Math.floor(Date.now() / 1000)
  const webhookTime = parseInt(timestamp)
  
  return Math.abs(now - webhookTime) <= tolerance
}
