// POST /api/v1/webhooks/events/batch, shared by the App Router route and the node:http fast path.
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { publishBatch } from './publishBatch'
import { publishBatchEnvelopeSchema } from './publishBatchInputSchema'
import { PUBLISH_BODY_LIMIT_BYTES } from './publishLimits'

export const handlePublishBatchRoute = handleApiRoute('operator', async ({ request, payload }) => {
  const { events } = await parseJsonBody(request, publishBatchEnvelopeSchema, {
    maxBytes: PUBLISH_BODY_LIMIT_BYTES,
  })
  return respondOk(await publishBatch(payload, events))
})
