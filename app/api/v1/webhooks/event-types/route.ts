import { z } from 'zod'

import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { EVENT_TYPE_NAME_PATTERN, isBuiltInEventType } from '@/lib/events/eventCatalog'
import { listEventTypes } from '@/lib/events/listEventTypes'
import { ApiError } from '@/lib/api/apiError'

const registerSchema = z.object({
  name: z
    .string()
    .regex(EVENT_TYPE_NAME_PATTERN, 'Use a dotted lowercase name such as invoice.paid')
    .refine((name) => !isBuiltInEventType(name), 'This is a built-in event type'),
  description: z.string().max(2000).optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
})

export const GET = handleApiRoute('viewer', async ({ payload }) => {
  return respondOk({ items: await listEventTypes(payload) })
})

export const POST = handleApiRoute('operator', async ({ request, payload, user }) => {
  const input = await parseJsonBody(request, registerSchema)
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
