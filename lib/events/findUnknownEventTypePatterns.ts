// Which of a subscription's event-type patterns would never match a type in the catalog: an exact name
// must be a built-in or registered type, a wildcard must match at least one of them.
import type { Payload, PayloadRequest } from 'payload'

import { BUILT_IN_EVENT_TYPES } from './eventCatalog'
import { matchesEventType } from './eventTypePattern'

/**
 * Every publishable type name, read fresh: a save must see a type registered a moment ago. `req` joins
 * the read to the saving operation's transaction.
 */
export async function listCatalogEventTypeNames(
  payload: Payload,
  req?: PayloadRequest,
): Promise<string[]> {
  const custom = await payload.find({
    collection: 'event-types',
    req,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
  })
  return [...Object.keys(BUILT_IN_EVENT_TYPES), ...custom.docs.map((doc) => doc.name)]
}

export function findUnknownEventTypePatterns(
  patterns: readonly string[],
  catalogNames: readonly string[],
): string[] {
  return patterns.filter(
    (pattern) => !catalogNames.some((name) => matchesEventType([pattern], name)),
  )
}
