import { describe, expect, it } from 'vitest'

import { createSourceRateLimiter } from '@/lib/inbound/ingress/sourceRateLimiter'

describe('the per-source rate limiter', () => {
  it('lets a burst through, then says how long until the next token', () => {
    let nowMs = 0
    const limiter = createSourceRateLimiter(() => nowMs)
    const limit = { perMinute: 60, burst: 2 }
    expect(limiter.takeOrWait('acme', limit)).toBe(0)
    expect(limiter.takeOrWait('acme', limit)).toBe(0)
    expect(limiter.takeOrWait('acme', limit)).toBe(1_000)
    nowMs = 400
    expect(limiter.takeOrWait('acme', limit)).toBe(600)
    nowMs = 1_000
    expect(limiter.takeOrWait('acme', limit)).toBe(0)
  })

  it('keeps one budget per source and per configured limit', () => {
    const limiter = createSourceRateLimiter(() => 0)
    const one = { perMinute: 1, burst: 1 }
    expect(limiter.takeOrWait('a', one)).toBe(0)
    expect(limiter.takeOrWait('a', one)).toBe(60_000)
    expect(limiter.takeOrWait('b', one)).toBe(0)
    // A changed limit starts from a full bucket.
    expect(limiter.takeOrWait('a', { perMinute: 2, burst: 1 })).toBe(0)
  })
})
