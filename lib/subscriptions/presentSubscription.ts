// The public shape of a subscription; the secret never leaves through here. Beside the hub's fields it
// carries the seeds' names for the same values (events: seed 001; target_url, event_type, status: seed 002).
import { DEFAULT_DELIVERY_FORMAT } from '@/lib/delivery/formats/deliveryFormats'
import type { Webhook } from '@/payload-types'

export function presentSubscription(subscription: Webhook) {
  const eventTypes = subscription.event_types ?? []
  const active = subscription.active ?? true
  return {
    id: String(subscription.id),
    name: subscription.name,
    url: subscription.url,
    target_url: subscription.url,
    description: subscription.description ?? null,
    client_id: subscription.client_id ?? null,
    format: subscription.format ?? DEFAULT_DELIVERY_FORMAT,
    event_types: eventTypes,
    events: eventTypes,
    event_type: eventTypes.length === 1 ? eventTypes[0] : null,
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
    active,
    status: active ? 'active' : 'inactive',
    disabled_reason: subscription.disabled_reason ?? null,
    disabled_at: subscription.disabled_at ?? null,
    secret_hint: subscription.secret_hint ?? null,
    created_at: subscription.createdAt,
    updated_at: subscription.updatedAt,
  }
}

export type PresentedSubscription = ReturnType<typeof presentSubscription>
