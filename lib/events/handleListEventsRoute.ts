// GET /api/v1/webhooks/events, shared by the App Router route and the web process's fast path.
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { respondOk } from '@/lib/api/respond'
import { listEvents } from './listEvents'

export const handleListEventsRoute = handleApiRoute('viewer', async ({ request, payload, user }) =>
  respondOk(await listEvents(payload, request, user)),
)
