// Publishing: validate an event, match it against active subscriptions, create its deliveries in one write.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { z } from 'zod'

import { ApiError } from '@/lib/api/apiError'
import { parseWithSchema } from '@/lib/api/parseInput'
import type { DeliveryPayload, DocumentId, NewDelivery } from '@/lib/delivery/deliveryTypes'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'
import { loadActiveSubscriptions } from '@/lib/subscriptions/loadActiveSubscriptions'
import { EVENT_TYPE_NAME_PATTERN, getEventDataSchema, isBuiltInEventType } from './eventCatalog'
import { matchesSubscription } from './matchSubscription'

export const publishEventInputSchema = z.object({
  event_type: z
    .string()
    .regex(EVENT_TYPE_NAME_PATTERN, 'Use a dotted event type such as job.completed'),
  data: z.record(z.string(), z.unknown()),
  event_id: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'Use 1-100 letters, digits, _ . : -')
    .optional(),
})

export type PublishEventInput = z.infer<typeof publishEventInputSchema>

export type PublishedEvent = {
  event_id: string
  event_type: string
  deliveries_created: number
  delivery_ids: string[]
  duplicate: boolean
}

export function generateEventId(): string {
  return `evt_${randomUUID().replaceAll('-', '')}`
}

async function assertKnownEventType(payload: Payload, eventType: string): Promise<void> {
  if (isBuiltInEventType(eventType)) return
  const custom = await payload.count({
    collection: 'event-types',
    where: { name: { equals: eventType } },
    overrideAccess: true,
  })
  if (custom.totalDocs === 0) {
    throw new ApiError('validation_error', `event_type: unknown event type "${eventType}"`, [
      {
        path: 'event_type',
        message: `Unknown event type "${eventType}"`,
        code: 'unknown_event_type',
      },
    ])
  }
}

export function buildDelivery(
  subscription: { id: DocumentId; maxAttempts: number },
  event: {
    eventId: string
    eventType: string
    data: Record<string, unknown>
    metadata?: Record<string, unknown>
  },
  now: Date,
): NewDelivery {
  const payload: DeliveryPayload = {
    event_type: event.eventType,
    event_id: event.eventId,
    timestamp: now.getTime(),
    webhook_id: String(subscription.id),
    data: event.data,
    metadata: { ...event.metadata, original_timestamp: now.getTime() },
  }
  return {
    webhookId: subscription.id,
    jobId: typeof event.data.job_id === 'string' ? event.data.job_id : null,
    eventId: event.eventId,
    eventType: event.eventType,
    messageId: event.eventId,
    payload,
    maxAttempts: subscription.maxAttempts,
    nextAttemptAt: now,
  }
}

export async function publishEvent(
  payload: Payload,
  input: PublishEventInput,
  options: { now?: Date } = {},
): Promise<PublishedEvent> {
  const now = options.now ?? new Date()
  await assertKnownEventType(payload, input.event_type)
  const data = parseWithSchema(z.object({ data: getEventDataSchema(input.event_type) }), {
    data: input.data,
  }).data
  const eventId = input.event_id ?? generateEventId()

  if (input.event_id) {
    const existing = await payload.count({
      collection: 'webhook-deliveries',
      where: { event_id: { equals: eventId } },
      overrideAccess: true,
    })
    if (existing.totalDocs > 0) {
      return {
        event_id: eventId,
        event_type: input.event_type,
        deliveries_created: 0,
        delivery_ids: [],
        duplicate: true,
      }
    }
  }

  const subscriptions = await loadActiveSubscriptions(payload)
  const rows = subscriptions
    .filter((subscription) => matchesSubscription(subscription, input.event_type, data))
    .map((subscription) =>
      buildDelivery(subscription, { eventId, eventType: input.event_type, data }, now),
    )
  const ids = await getDeliveryStore(payload).insertDeliveries(rows, now)
  return {
    event_id: eventId,
    event_type: input.event_type,
    deliveries_created: ids.length,
    delivery_ids: ids.map(String),
    duplicate: false,
  }
}
