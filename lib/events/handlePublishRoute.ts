// POST /api/v1/webhooks/events, shared by the App Router route and the web process's node:http fast path.
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { publishEventInputSchema } from './publishEvent'
import { PUBLISH_BODY_LIMIT_BYTES } from './publishLimits'
import { submitPublish } from './submitPublish'
import { toPublishedEvent, toPublishItemError } from './publishItemResult'

export const handlePublishRoute = handleApiRoute('operator', async ({ request, payload }) => {
  const input = await parseJsonBody(request, publishEventInputSchema, {
    maxBytes: PUBLISH_BODY_LIMIT_BYTES,
  })
  const result = await submitPublish(payload, input)
  if (!result.ok) throw toPublishItemError(result)
  const published = toPublishedEvent(result)
  return respondOk(published, published.duplicate ? 200 : 201)
})
