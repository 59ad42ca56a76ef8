import { describe, expect, it } from 'vitest'

import { computeBackoffDelay, parseRetryAfter } from '@/lib/delivery/computeRetryDelay'

const config = {
  max_attempts: 5,
  initial_delay_ms: 1000,
  backoff_multiplier: 2,
  max_delay_ms: 30_000,
}

describe('retry delays', () => {
  it('grows exponentially from the initial delay and stops at the maximum', () => {
    const middle = () => 0.5
    expect(
      [1, 2, 3, 4, 5, 6].map((attempt) => computeBackoffDelay(config, attempt, middle)),
    ).toEqual([1000, 2000, 4000, 8000, 16000, 30000])
  })

  it('adds up to ±20% jitter', () => {
    expect(computeBackoffDelay(config, 1, () => 0)).toBe(800)
    expect(computeBackoffDelay(config, 1, () => 1)).toBe(1200)
  })

  it('reads Retry-After as seconds or as an HTTP date, and ignores nonsense', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })
})
