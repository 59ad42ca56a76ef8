// The subscription list's query: ?active=, ?client_id= (seed 002's "webhooks of a client") and ?event=,
// where ?event= keeps the subscriptions that would receive an event of that type (exact name, matching
// wildcard or *), as publishing decides.
import { z } from 'zod'
import type { Payload, Where } from 'payload'

import { paginationQuerySchema } from '@/lib/api/pagination'
import { EVENT_TYPE_NAME_PATTERN } from '@/lib/events/eventCatalog'
import { matchesEventType } from '@/lib/events/eventTypePattern'

export const listSubscriptionsQuerySchema = paginationQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
  client_id: z.string().min(1).max(200).optional(),
  event: z
    .string()
    .max(200)
    .regex(EVENT_TYPE_NAME_PATTERN, 'Use an event type such as job.completed')
    .optional(),
})

export type ListSubscriptionsQuery = z.infer<typeof listSubscriptionsQuerySchema>

async function findWildcardSubscriptionIdsMatching(payload: Payload, eventType: string) {
  const withWildcards = await payload.find({
    collection: 'webhooks',
    where: { event_types: { contains: '*' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { event_types: true },
  })
  return withWildcards.docs
    .filter((doc) => matchesEventType(doc.event_types ?? [], eventType))
    .map((doc) => doc.id)
}

export async function buildSubscriptionsWhere(
  payload: Payload,
  query: ListSubscriptionsQuery,
): Promise<Where> {
  const conditions: Where[] = []
  if (query.active) conditions.push({ active: { equals: query.active === 'true' } })
  if (query.client_id) conditions.push({ client_id: { equals: query.client_id } })
  if (query.event) {
    const wildcardIds = await findWildcardSubscriptionIdsMatching(payload, query.event)
    const exact: Where = { event_types: { in: [query.event] } }
    conditions.push(wildcardIds.length > 0 ? { or: [exact, { id: { in: wildcardIds } }] } : exact)
  }
  return { and: conditions }
}
