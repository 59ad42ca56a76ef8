import { z } from 'zod'
import type { Where } from 'payload'

import { paginationQuerySchema } from '@/lib/api/pagination'

export const listSubscriptionsQuerySchema = paginationQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
  event: z.string().min(1).max(200).optional(),
})

export type ListSubscriptionsQuery = z.infer<typeof listSubscriptionsQuerySchema>

export function buildSubscriptionsWhere(query: ListSubscriptionsQuery): Where {
  const conditions: Where[] = []
  if (query.active) conditions.push({ active: { equals: query.active === 'true' } })
  if (query.event) conditions.push({ event_types: { contains: query.event } })
  return { and: conditions }
}
