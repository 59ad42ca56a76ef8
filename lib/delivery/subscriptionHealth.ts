// Tracks how long a subscription has failed every attempt, and disables it (with a reason and an event).
import type { Payload } from 'payload'

import { publishEvent } from '@/lib/events/publishEvent'
import type { DeliveryStore } from './store/deliveryStore'
import type { DeliveryTarget } from './subscriptionDirectory'

export async function disableSubscription(
  payload: Payload,
  target: DeliveryTarget,
  reason: string,
  now: Date,
) {
  if (!target.active) return
  target.active = false
  target.disabledReason = reason
  await payload.update({
    collection: 'webhooks',
    id: target.id,
    overrideAccess: true,
    data: { active: false, disabled_reason: reason, disabled_at: now.toISOString() },
  })
  await publishEvent(payload, {
    event_type: 'webhook.disabled',
    data: { webhook_id: String(target.id), reason },
  })
  console.warn(`[worker] subscription ${target.id} disabled: ${reason}`)
}

/** Writes only on transitions: the first failure after a success, the first success after failures. */
export async function recordSubscriptionResult(
  payload: Payload,
  store: DeliveryStore,
  target: DeliveryTarget,
  succeeded: boolean,
  now: Date,
): Promise<void> {
  if (succeeded) {
    if (target.failingSince === null) return
    target.failingSince = null
    await store.setSubscriptionFailingSince(target.id, null, now)
    return
  }
  if (target.failingSince === null) {
    target.failingSince = now
    await store.setSubscriptionFailingSince(target.id, now, now)
    return
  }
  if (now.getTime() - target.failingSince.getTime() >= target.disableAfterFailingMs) {
    await disableSubscription(
      payload,
      target,
      `Every attempt failed for ${describeDuration(target.disableAfterFailingMs)} (since ${target.failingSince.toISOString()}).`,
      now,
    )
  }
}

export function describeDuration(ms: number): string {
  if (ms >= 86_400_000) return `${Math.round((ms / 86_400_000) * 10) / 10} days`
  if (ms >= 3_600_000) return `${Math.round((ms / 3_600_000) * 10) / 10} h`
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`
  return `${Math.round(ms / 1000)} s`
}
