// Compares a presented secret (a bearer token, a scrape token) with the expected one in constant time.
// Compared as SHA-256 digests, so that neither the value nor its length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto'

export function isSameSecret(given: string, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(secret))
}
