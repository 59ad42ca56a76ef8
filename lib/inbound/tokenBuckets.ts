// One token bucket per key (a source address, a source), refilled continuously: `take` spends a token or
// says no; `takeOrWait` also says how long until the next token. The map is bounded: past `maxKeys` the
// longest-idle buckets are forgotten (they refill to full anyway).
export type TokenBuckets = {
  take(key: string): boolean
  /** 0 when a token was spent, else the milliseconds until one is available. */
  takeOrWait(key: string): number
}

type Bucket = { tokens: number; updatedMs: number }

export function createTokenBuckets(options: {
  capacity: number
  refillPerMinute: number
  maxKeys: number
  now: () => number
}): TokenBuckets {
  const buckets = new Map<string, Bucket>()
  const refillPerMs = options.refillPerMinute / 60_000
  const takeOrWait = (key: string): number => {
    const nowMs = options.now()
    const bucket = buckets.get(key) ?? { tokens: options.capacity, updatedMs: nowMs }
    const tokens = Math.min(
      options.capacity,
      bucket.tokens + (nowMs - bucket.updatedMs) * refillPerMs,
    )
    // Re-inserted so that the map's order is least recently used first.
    buckets.delete(key)
    buckets.set(key, { tokens: tokens >= 1 ? tokens - 1 : tokens, updatedMs: nowMs })
    if (buckets.size > options.maxKeys) buckets.delete(buckets.keys().next().value!)
    if (tokens >= 1) return 0
    return refillPerMs > 0 ? Math.ceil((1 - tokens) / refillPerMs) : Number.POSITIVE_INFINITY
  }
  return { take: (key) => takeOrWait(key) === 0, takeOrWait }
}
