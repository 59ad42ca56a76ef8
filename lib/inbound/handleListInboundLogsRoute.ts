// GET /api/v1/webhooks/logs, shared by the App Router route and the web process's fast path.
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { respondOk } from '@/lib/api/respond'
import { listInboundLogs } from './listInboundLogs'

export const handleListInboundLogsRoute = handleApiRoute(
  'viewer',
  async ({ request, payload, user }) => respondOk(await listInboundLogs(payload, request, user)),
)
