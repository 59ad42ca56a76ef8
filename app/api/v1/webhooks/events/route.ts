import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { publishEvent, publishEventInputSchema } from '@/lib/events/publishEvent'

export const POST = handleApiRoute('operator', async ({ request, payload }) => {
  const input = await parseJsonBody(request, publishEventInputSchema)
  const published = await publishEvent(payload, input)
  return respondOk(published, published.duplicate ? 200 : 201)
})
