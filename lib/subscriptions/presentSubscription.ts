// The public shape of a subscription; the secret never leaves through here.
import type { Webhook } from '@/payload-types'

export function presentSubscription(subscription: Webhook) {
  return {
    id: String(subscription.id),
    name: subscription.name,
    url: subscription.url,
    description: subscription.description ?? null,
    event_types: subscription.event_types ?? [],
    filters: {
      job_types: subscription.filters?.job_types ?? [],
      job_priorities: subscription.filters?.job_priorities ?? [],
      machine_ids: subscription.filters?.machine_ids ?? [],
      worker_ids: subscription.filters?.worker_ids ?? [],
      custom_filters: subscription.filters?.custom_filters ?? {},
    },
    headers: subscription.headers ?? {},
    retry_config: subscription.retry_config,
    disable_after_failing_ms: subscription.disable_after_failing_ms,
    active: subscription.active ?? true,
    disabled_reason: subscription.disabled_reason ?? null,
    disabled_at: subscription.disabled_at ?? null,
    secret_hint: subscription.secret_hint ?? null,
    created_at: subscription.createdAt,
    updated_at: subscription.updatedAt,
  }
}

export type PresentedSubscription = ReturnType<typeof presentSubscription>
