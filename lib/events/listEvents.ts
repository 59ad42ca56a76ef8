// Published events newest first, filtered by the query string, as the caller may see them.
import type { Payload } from 'payload'

import { toPage } from '@/lib/api/pagination'
import { parseSearchParams } from '@/lib/api/parseInput'
import type { User, WebhookEvent } from '@/payload-types'
import { buildEventsWhere, listEventsQuerySchema } from './listEventsQuery'

export function presentEvent(event: WebhookEvent) {
  return {
    id: String(event.id),
    event_id: event.event_id,
    event_type: event.event_type,
    data: event.data,
    metadata: event.metadata ?? {},
    job_id: event.job_id ?? null,
    deliveries_created: event.deliveries_created,
    created_at: event.createdAt,
  }
}

export async function listEvents(payload: Payload, request: Request, user: User) {
  const query = parseSearchParams(request, listEventsQuerySchema)
  const result = await payload.find({
    collection: 'webhook-events',
    where: buildEventsWhere(query),
    page: query.page,
    limit: query.limit,
    sort: '-createdAt',
    depth: 0,
    user,
    overrideAccess: false,
  })
  return toPage(result, presentEvent)
}
