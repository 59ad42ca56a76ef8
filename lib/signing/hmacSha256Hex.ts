// Hex HMAC-SHA256 of a body, as `X-Webhook-Signature: sha256=<hex>` and Last Frame's signature use.
import { createHmac, timingSafeEqual } from 'node:crypto'

export function signHmacSha256Hex(key: string | Buffer, body: string | Buffer): string {
  return createHmac('sha256', key).update(body).digest('hex')
}

export function isValidHmacSha256Hex(
  key: string | Buffer,
  body: string | Buffer,
  offeredHex: string,
): boolean {
  if (!/^[0-9a-f]{64}$/i.test(offeredHex)) return false
  const expected = Buffer.from(signHmacSha256Hex(key, body), 'hex')
  return timingSafeEqual(expected, Buffer.from(offeredHex, 'hex'))
}
