import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { respondOk } from '@/lib/api/respond'
import { listInboundLogs } from '@/lib/inbound/listInboundLogs'

export const GET = handleApiRoute('viewer', async ({ request, payload, user }) => {
  return respondOk(await listInboundLogs(payload, request, user))
})
