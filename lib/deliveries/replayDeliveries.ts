// Replay: one delivery, or every failed and dead delivery of a subscription since a time, due at once.
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'
import type { DocumentId } from '@/lib/delivery/deliveryTypes'
import type { WebhookDelivery } from '@/payload-types'

export async function replayDelivery(payload: Payload, delivery: WebhookDelivery, now: Date) {
  if (delivery.status === 'in_flight' || delivery.status === 'pending') {
    throw new ApiError(
      'conflict',
      `Delivery ${delivery.id} is ${delivery.status}; it will be attempted anyway.`,
    )
  }
  const ids = await getDeliveryStore(payload).requeueDeliveries(
    { ids: [delivery.id], statuses: ['succeeded', 'failed', 'dead'] },
    now,
  )
  if (ids.length === 0)
    throw new ApiError('conflict', `Delivery ${delivery.id} changed state; try again.`)
}

export async function recoverFailedDeliveries(
  payload: Payload,
  webhookId: DocumentId,
  since: Date,
  now: Date,
): Promise<number> {
  const ids = await getDeliveryStore(payload).requeueDeliveries(
    { webhookId, statuses: ['failed', 'dead'], createdSince: since },
    now,
  )
  return ids.length
}
