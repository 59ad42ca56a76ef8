// Creates bench subscriptions through Payload, as the API would, keeping each plain secret for the peer.
import type { Payload } from 'payload'

import type { DocumentId } from '@/lib/delivery/deliveryTypes'
import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'

export type SeededSubscription = { id: DocumentId; url: string; secret: string }

export async function seedSubscriptions(
  payload: Payload,
  options: { count: number; eventTypes: string[]; url: (index: number) => string; label: string },
): Promise<SeededSubscription[]> {
  const seeded: SeededSubscription[] = []
  for (let index = 0; index < options.count; index += 1) {
    const secret = generateWebhookSecret()
    const url = options.url(index)
    const doc = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: { name: `${options.label} ${index}`, url, event_types: options.eventTypes, secret },
    })
    seeded.push({ id: doc.id, url, secret })
  }
  return seeded
}
