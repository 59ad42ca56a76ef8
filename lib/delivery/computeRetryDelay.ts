// When the next attempt is due: exponential backoff with jitter, or the receiver's Retry-After.
import type { RetryConfig } from '@/lib/model/retryConfig'

const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000
const JITTER_RATIO = 0.2

/** `attemptsMade` counts the attempt that just failed: 1 after the first failure. */
export function computeBackoffDelay(
  config: RetryConfig,
  attemptsMade: number,
  random: () => number,
): number {
  const exponential =
    config.initial_delay_ms * config.backoff_multiplier ** Math.max(0, attemptsMade - 1)
  const capped = Math.min(config.max_delay_ms, exponential)
  const jitter = 1 - JITTER_RATIO + 2 * JITTER_RATIO * random()
  return Math.max(0, Math.round(capped * jitter))
}

/** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Math.min(MAX_RETRY_AFTER_MS, Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now.getTime()))
}
