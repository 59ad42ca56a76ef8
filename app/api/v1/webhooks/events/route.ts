import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { respondOk } from '@/lib/api/respond'
import { handlePublishRoute } from '@/lib/events/handlePublishRoute'
import { listEvents } from '@/lib/events/listEvents'

export const POST = handlePublishRoute

export const GET = handleApiRoute('viewer', async ({ request, payload, user }) => {
  return respondOk(await listEvents(payload, request, user))
})
