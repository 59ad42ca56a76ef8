// The query of GET /api/v1/webhooks/events: type (exact or `job.*`), a time range, and whether it reached anyone.
import type { Where } from 'payload'
import { z } from 'zod'

import { paginationQuerySchema } from '@/lib/api/pagination'

export const listEventsQuerySchema = paginationQuerySchema.extend({
  type: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]*(\.([a-z][a-z0-9_]*|\*))*$/,
      'Use an event type or a prefix such as job.*',
    )
    .optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  job_id: z.string().min(1).max(100).optional(),
  matched: z.enum(['true', 'false']).optional(),
})

export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>

export function buildEventsWhere(query: ListEventsQuery): Where {
  const conditions: Where[] = []
  if (query.type?.endsWith('.*'))
    conditions.push({ event_type: { like: `${query.type.slice(0, -1)}%` } })
  else if (query.type) conditions.push({ event_type: { equals: query.type } })
  if (query.since)
    conditions.push({ createdAt: { greater_than_equal: new Date(query.since).toISOString() } })
  if (query.until)
    conditions.push({ createdAt: { less_than: new Date(query.until).toISOString() } })
  if (query.job_id) conditions.push({ job_id: { equals: query.job_id } })
  if (query.matched === 'false') conditions.push({ deliveries_created: { equals: 0 } })
  if (query.matched === 'true') conditions.push({ deliveries_created: { greater_than: 0 } })
  return { and: conditions }
}
