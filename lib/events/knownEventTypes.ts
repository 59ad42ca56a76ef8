// Whether an event type may be published: built in, or registered as a custom type (names cached briefly,
// so a burst of publishes reads the catalog once a second, not once per event).
import type { Payload } from 'payload'

import { isBuiltInEventType } from './eventCatalog'

const CACHE_TTL_MS = 1_000
const FORCED_REFRESH_AFTER_MS = 100

let cache: { loadedAt: number; names: Promise<Set<string>> } | undefined

/** Called by the event types collection's hooks so this process sees a new type at once. */
export function forgetCustomEventTypes(): void {
  cache = undefined
}

function loadCustomNames(payload: Payload): Promise<Set<string>> {
  if (cache && Date.now() - cache.loadedAt < CACHE_TTL_MS) return cache.names
  const names = payload
    .find({
      collection: 'event-types',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { name: true },
    })
    .then((result) => new Set(result.docs.map((doc) => doc.name)))
  cache = { loadedAt: Date.now(), names }
  names.catch(() => {
    if (cache?.names === names) cache = undefined
  })
  return names
}

export async function isKnownEventType(payload: Payload, eventType: string): Promise<boolean> {
  if (isBuiltInEventType(eventType)) return true
  if ((await loadCustomNames(payload)).has(eventType)) return true
  // A type registered a moment ago in another process: one fresh read before refusing, at most every
  // 100 ms, so a batch of unknown types costs one read, not one each.
  if (Date.now() - (cache?.loadedAt ?? 0) < FORCED_REFRESH_AFTER_MS) return false
  forgetCustomEventTypes()
  return (await loadCustomNames(payload)).has(eventType)
}
