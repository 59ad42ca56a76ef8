// Inbound logs newest first, filtered by the query string, as the caller may see them.
import type { Payload } from 'payload'

import { toPage } from '@/lib/api/pagination'
import { parseSearchParams } from '@/lib/api/parseInput'
import type { User } from '@/payload-types'
import { buildInboundLogsWhere, listInboundLogsQuerySchema } from './listInboundLogsQuery'
import { presentInboundLog } from './presentInboundLog'

export async function listInboundLogs(payload: Payload, request: Request, user: User) {
  const query = parseSearchParams(request, listInboundLogsQuerySchema)
  const result = await payload.find({
    collection: 'webhook-logs',
    where: buildInboundLogsWhere(query),
    page: query.page,
    limit: query.limit,
    sort: '-received_at',
    depth: 0,
    user,
    overrideAccess: false,
  })
  return toPage(result, presentInboundLog)
}
