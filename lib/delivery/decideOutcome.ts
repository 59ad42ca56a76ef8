// Turns one attempt's result into the delivery's next state, and says when the subscription must stop.
import type { RetryConfig } from '@/lib/model/retryConfig'
import { computeBackoffDelay, parseRetryAfter } from './computeRetryDelay'
import type { ClaimedDelivery, DeliveryOutcome } from './deliveryTypes'
import { RESPONSE_EXCERPT_BYTES, type AttemptResult } from './sendDeliveryAttempt'

export type OutcomeDecision = { outcome: DeliveryOutcome; disableReason: string | null }

export function isSuccessStatus(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300
}

function describeFailure(result: AttemptResult): string {
  if (result.error) return result.error
  return `Receiver answered ${result.statusCode}`
}

export function decideOutcome(
  delivery: ClaimedDelivery,
  result: AttemptResult,
  retryConfig: RetryConfig,
  context: { now: Date; random: () => number },
): OutcomeDecision {
  const attemptNumber = delivery.attemptCount + 1
  const succeeded = isSuccessStatus(result.statusCode) && result.error === null
  const attempt = {
    attempt: attemptNumber,
    attempted_at: context.now.toISOString(),
    status_code: result.statusCode,
    duration_ms: result.durationMs,
    response_headers: result.headers,
    response_body: result.bodyExcerpt.slice(0, RESPONSE_EXCERPT_BYTES),
    error: succeeded ? null : describeFailure(result),
  }
  if (succeeded) {
    return {
      outcome: { id: delivery.id, status: 'succeeded', attempt, nextAttemptAt: null },
      disableReason: null,
    }
  }
  if (result.statusCode === 410) {
    return {
      outcome: { id: delivery.id, status: 'dead', attempt, nextAttemptAt: null },
      disableReason: 'The endpoint answered 410 Gone.',
    }
  }
  if (attemptNumber >= delivery.maxAttempts) {
    return {
      outcome: { id: delivery.id, status: 'dead', attempt, nextAttemptAt: null },
      disableReason: null,
    }
  }
  const retryAfterMs =
    result.statusCode === 429 || result.statusCode === 503
      ? parseRetryAfter(result.headers['retry-after'], context.now)
      : undefined
  const delayMs = retryAfterMs ?? computeBackoffDelay(retryConfig, attemptNumber, context.random)
  return {
    outcome: {
      id: delivery.id,
      status: 'failed',
      attempt,
      nextAttemptAt: new Date(context.now.getTime() + delayMs),
    },
    disableReason: null,
  }
}
