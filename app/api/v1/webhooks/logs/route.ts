import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { toPage } from '@/lib/api/pagination'
import { parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import {
  buildInboundLogsWhere,
  listInboundLogsQuerySchema,
} from '@/lib/inbound/listInboundLogsQuery'
import { presentInboundLog } from '@/lib/inbound/presentInboundLog'

export const GET = handleApiRoute('viewer', async ({ request, payload, user }) => {
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
  return respondOk(toPage(result, presentInboundLog))
})
