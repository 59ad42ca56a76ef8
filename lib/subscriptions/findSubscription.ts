// Loads one subscription as the caller may see it, or answers 404.
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import type { User, Webhook } from '@/payload-types'

export async function findSubscription(payload: Payload, id: string, user: User): Promise<Webhook> {
  const result = await payload.find({
    collection: 'webhooks',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const subscription = result.docs[0]
  if (!subscription) throw new ApiError('not_found', `No subscription with id ${id}`)
  return subscription
}
