// HMAC tokens carried in a callback URL's query, for senders that cannot sign their requests.
import { createHmac, timingSafeEqual } from 'node:crypto'

const TOKEN_HEX_LENGTH = 32

export function createUrlToken(secret: string, subject: string): string {
  return createHmac('sha256', secret).update(subject).digest('hex').slice(0, TOKEN_HEX_LENGTH)
}

export function isValidUrlToken(secret: string, subject: string, token: string): boolean {
  if (!new RegExp(`^[0-9a-f]{${TOKEN_HEX_LENGTH}}$`, 'i').test(token)) return false
  const expected = Buffer.from(createUrlToken(secret, subject), 'hex')
  return timingSafeEqual(expected, Buffer.from(token, 'hex'))
}
