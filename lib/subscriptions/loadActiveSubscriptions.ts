// Active subscriptions as publishing needs them, cached briefly: a fan-out must not re-read them per event.
import type { Payload } from 'payload'

import type { MatchableSubscription } from '@/lib/events/matchSubscription'
import { DEFAULT_RETRY_CONFIG } from '@/lib/model/retryConfig'
import type { DocumentId } from '@/lib/delivery/deliveryTypes'

export type ActiveSubscription = MatchableSubscription & { id: DocumentId; maxAttempts: number }

const CACHE_TTL_MS = 1_000

let cache: { loadedAt: number; subscriptions: ActiveSubscription[] } | undefined
let loading: Promise<ActiveSubscription[]> | undefined
let generation = 0

/** Called by the webhooks collection's hooks so this process never publishes to a stale list. */
export function forgetActiveSubscriptions(): void {
  cache = undefined
  loading = undefined
  generation += 1
}

export async function loadActiveSubscriptions(payload: Payload): Promise<ActiveSubscription[]> {
  if (cache && Date.now() - cache.loadedAt < CACHE_TTL_MS) return cache.subscriptions
  // Concurrent publishes share one load; a change made meanwhile starts a new generation.
  if (!loading) {
    const startedGeneration = generation
    loading = findActiveSubscriptions(payload).then(
      (subscriptions) => {
        if (startedGeneration === generation) {
          cache = { loadedAt: Date.now(), subscriptions }
          loading = undefined
        }
        return subscriptions
      },
      (error) => {
        if (startedGeneration === generation) loading = undefined
        throw error
      },
    )
  }
  return loading
}

// A subscription is saved in one transaction, so a read sees all of its event types or its previous ones.
async function findActiveSubscriptions(payload: Payload): Promise<ActiveSubscription[]> {
  const result = await payload.find({
    collection: 'webhooks',
    where: { active: { equals: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { event_types: true, filters: true, retry_config: true },
  })
  return result.docs.map((doc) => ({
    id: doc.id,
    event_types: doc.event_types ?? [],
    filters: {
      job_types: doc.filters?.job_types,
      job_priorities: doc.filters?.job_priorities,
      machine_ids: doc.filters?.machine_ids,
      worker_ids: doc.filters?.worker_ids,
      custom_filters: doc.filters?.custom_filters as Record<string, unknown> | null | undefined,
    },
    maxAttempts: doc.retry_config?.max_attempts ?? DEFAULT_RETRY_CONFIG.max_attempts,
  }))
}
