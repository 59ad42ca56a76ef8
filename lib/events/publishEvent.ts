// Publishing one event: the input schema, the rows an event becomes, and the single-event entry point.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { z } from 'zod'

import type { DocumentId, NewDelivery, NewEvent } from '@/lib/delivery/deliveryTypes'
import { EVENT_TYPE_NAME_PATTERN } from './eventCatalog'
import { toPublishedEvent, toPublishItemError } from './publishItemResult'
import { publishEvents } from './publishEvents'

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

export function buildEvent(event: {
  eventId: string
  eventType: string
  data: Record<string, unknown>
  metadata?: Record<string, unknown>
}): NewEvent {
  return {
    eventId: event.eventId,
    eventType: event.eventType,
    jobId: typeof event.data.job_id === 'string' ? event.data.job_id : null,
    data: event.data,
    metadata: event.metadata ?? {},
  }
}

export function buildDelivery(
  subscription: { id: DocumentId; maxAttempts: number },
  event: NewEvent,
  now: Date,
): NewDelivery {
  return {
    webhookId: subscription.id,
    jobId: event.jobId,
    eventId: event.eventId,
    eventType: event.eventType,
    messageId: event.eventId,
    maxAttempts: subscription.maxAttempts,
    nextAttemptAt: now,
  }
}

export async function publishEvent(
  payload: Payload,
  input: PublishEventInput,
  options: { now?: Date } = {},
): Promise<PublishedEvent> {
  const [result] = await publishEvents(payload, [input], options)
  if (!result.ok) throw toPublishItemError(result)
  return toPublishedEvent(result)
}
