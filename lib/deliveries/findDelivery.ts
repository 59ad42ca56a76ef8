// Loads one delivery as the caller may see it, or answers 404.
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import type { User, WebhookDelivery } from '@/payload-types'

export async function findDelivery(
  payload: Payload,
  id: string,
  user: User,
): Promise<WebhookDelivery> {
  const result = await payload.find({
    collection: 'webhook-deliveries',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const delivery = result.docs[0]
  if (!delivery) throw new ApiError('not_found', `No delivery with id ${id}`)
  return delivery
}
