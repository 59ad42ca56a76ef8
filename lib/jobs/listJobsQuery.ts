import { z } from 'zod'
import type { Where } from 'payload'

import { paginationQuerySchema } from '@/lib/api/pagination'
import { JOB_STATUSES } from '@/lib/model/jobStatus'

export const listJobsQuerySchema = paginationQuerySchema.extend({
  provider: z.string().min(1).max(100).optional(),
  status: z.enum(JOB_STATUSES).optional(),
})

export type ListJobsQuery = z.infer<typeof listJobsQuerySchema>

export function buildJobsWhere(query: ListJobsQuery): Where {
  const conditions: Where[] = []
  if (query.provider) conditions.push({ provider: { equals: query.provider } })
  if (query.status) conditions.push({ status: { equals: query.status } })
  return { and: conditions }
}
