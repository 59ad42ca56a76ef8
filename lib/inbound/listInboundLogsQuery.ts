import { z } from 'zod'
import type { Where } from 'payload'

import { paginationQuerySchema } from '@/lib/api/pagination'
import { INBOUND_LOG_STATUSES } from '@/lib/model/inboundLogStatus'

export const listInboundLogsQuerySchema = paginationQuerySchema.extend({
  source: z.string().min(1).max(100).optional(),
  status: z.enum(INBOUND_LOG_STATUSES).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
})

export type ListInboundLogsQuery = z.infer<typeof listInboundLogsQuerySchema>

export function buildInboundLogsWhere(query: ListInboundLogsQuery): Where {
  const conditions: Where[] = []
  if (query.source) conditions.push({ source: { equals: query.source } })
  if (query.status) conditions.push({ status: { equals: query.status } })
  if (query.since)
    conditions.push({ received_at: { greater_than_equal: new Date(query.since).toISOString() } })
  if (query.until)
    conditions.push({ received_at: { less_than: new Date(query.until).toISOString() } })
  return { and: conditions }
}
