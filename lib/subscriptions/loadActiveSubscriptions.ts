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
    loading = readActiveSubscriptions(payload).then(
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

// On SQLite, Payload saves a subscription's event types by deleting and re-inserting their rows in separate
// statements, so a read at that moment sees none. Every subscription has at least one, so an empty list
// means "mid-save": read it again shortly instead of publishing as if it matched nothing.
const MID_SAVE_REREAD_DELAYS_MS = [5, 20, 50, 100]

async function readActiveSubscriptions(payload: Payload): Promise<ActiveSubscription[]> {
  const subscriptions = await findActiveSubscriptions(payload)
  for (const delayMs of MID_SAVE_REREAD_DELAYS_MS) {
    const midSave = subscriptions.filter((subscription) => subscription.event_types.length === 0)
    if (midSave.length === 0) break
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    const reread = new Map(
      (
        await findActiveSubscriptions(
          payload,
          midSave.map((subscription) => subscription.id),
        )
      ).map((subscription) => [String(subscription.id), subscription]),
    )
    for (const [index, subscription] of subscriptions.entries()) {
      const fresh = reread.get(String(subscription.id))
      if (subscription.event_types.length === 0 && fresh) subscriptions[index] = fresh
    }
  }
  return subscriptions
}

async function findActiveSubscriptions(
  payload: Payload,
  onlyIds?: DocumentId[],
): Promise<ActiveSubscription[]> {
  const result = await payload.find({
    collection: 'webhooks',
    where: onlyIds
      ? { and: [{ active: { equals: true } }, { id: { in: onlyIds } }] }
      : { active: { equals: true } },
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
