// Page/limit query parameters and the list shape every management list answers with.
import { z } from 'zod'

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

type PaginatedDocs<T> = {
  docs: T[]
  totalDocs: number
  page?: number
  limit: number
  totalPages: number
  hasNextPage: boolean
}

export function toPage<T, R>(result: PaginatedDocs<T>, present: (doc: T) => R) {
  return {
    items: result.docs.map(present),
    total: result.totalDocs,
    page: result.page ?? 1,
    limit: result.limit,
    total_pages: result.totalPages,
    has_more: result.hasNextPage,
  }
}
