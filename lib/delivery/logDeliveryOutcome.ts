// One attempt's seed-001 log lines: delivered, or failed and (when another attempt is due) retry scheduled.
import {
  logWebhookDelivered,
  logWebhookDeliveryFailed,
  logWebhookRetryScheduled,
} from '@/lib/logging/webhookActivityLog'
import type { ClaimedDelivery, DeliveryOutcome } from './deliveryTypes'

export function logDeliveryOutcome(
  delivery: ClaimedDelivery,
  webhookId: string,
  outcome: DeliveryOutcome,
  decidedAt: Date,
): void {
  const { attempt } = outcome
  if (outcome.status === 'succeeded') {
    const jobId = delivery.payload?.data.job_id
    const subject = typeof jobId === 'string' ? jobId : delivery.eventId
    logWebhookDelivered(webhookId, delivery.eventType, subject, decidedAt)
    return
  }
  const reason =
    attempt.status_code === null ? (attempt.error ?? 'no answer') : `HTTP ${attempt.status_code}`
  logWebhookDeliveryFailed(webhookId, attempt.attempt, reason, decidedAt)
  if (outcome.nextAttemptAt) {
    logWebhookRetryScheduled(
      webhookId,
      outcome.nextAttemptAt.getTime() - decidedAt.getTime(),
      attempt.attempt + 1,
      delivery.maxAttempts,
      decidedAt,
    )
  }
}
