// Per-source rate limits, in memory in each web process: with N web processes a source may deliver up to
// N times its limit. One set of token buckets per distinct limit, keyed by source.
import { createTokenBuckets, type TokenBuckets } from '../tokenBuckets'
import type { RateLimit } from './ingressPolicy'

/** Bounds memory: sources are the built-in providers plus the custom ones, a few hundred at most. */
const MAX_TRACKED_SOURCES = 10_000

export type SourceRateLimiter = {
  /** 0 when the callback may pass, else the milliseconds until the source may send again. */
  takeOrWait(source: string, limit: RateLimit): number
}

export function createSourceRateLimiter(now: () => number = Date.now): SourceRateLimiter {
  const bucketsByLimit = new Map<string, TokenBuckets>()
  return {
    takeOrWait(source, limit) {
      const limitKey = `${limit.perMinute}/${limit.burst}`
      let buckets = bucketsByLimit.get(limitKey)
      if (!buckets) {
        buckets = createTokenBuckets({
          capacity: limit.burst,
          refillPerMinute: limit.perMinute,
          maxKeys: MAX_TRACKED_SOURCES,
          now,
        })
        bucketsByLimit.set(limitKey, buckets)
      }
      return buckets.takeOrWait(source)
    },
  }
}
