import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { listEventTypes } from '@/lib/events/listEventTypes'
import {
  EVENT_TYPE_BODY_LIMIT_BYTES,
  registerEventTypeInputSchema,
} from '@/lib/events/registerEventTypeInputSchema'
import { ApiError } from '@/lib/api/apiError'

export const GET = handleApiRoute('viewer', async ({ payload }) => {
  return respondOk({ items: await listEventTypes(payload) })
})

export const POST = handleApiRoute('operator', async ({ request, payload, user }) => {
  const input = await parseJsonBody(request, registerEventTypeInputSchema, {
    maxBytes: EVENT_TYPE_BODY_LIMIT_BYTES,
  })
  const existing = await payload.count({
    collection: 'event-types',
    where: { name: { equals: input.name } },
    overrideAccess: true,
  })
  if (existing.totalDocs > 0)
    throw new ApiError('conflict', `Event type ${input.name} already exists`)
  const created = await payload.create({
    collection: 'event-types',
    data: input,
    user,
    overrideAccess: false,
  })
  return respondOk(
    { name: created.name, description: created.description ?? '', custom: true },
    201,
  )
})
