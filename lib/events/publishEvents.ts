// Publishing many events at once: each input validated on its own, every valid one stored once with
// the deliveries it is owed, all in one write.
import type { Payload } from 'payload'
import { z } from 'zod'

import { ApiError, type ApiErrorCode, type ApiErrorIssue } from '@/lib/api/apiError'
import { parseWithSchema } from '@/lib/api/parseInput'
import type { NewDelivery, NewEvent } from '@/lib/delivery/deliveryTypes'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'
import { loadActiveSubscriptions } from '@/lib/subscriptions/loadActiveSubscriptions'
import { getEventDataSchema, isBuiltInEventType } from './eventCatalog'
import { isKnownEventType } from './knownEventTypes'
import { matchesSubscription } from './matchSubscription'
import {
  buildDelivery,
  buildEvent,
  generateEventId,
  type PublishEventInput,
  type PublishedEvent,
} from './publishEvent'

export type PublishItemError = { code: ApiErrorCode; message: string; issues?: ApiErrorIssue[] }

export type PublishItemResult =
  ({ ok: true } & PublishedEvent) | { ok: false; error: PublishItemError }

// One schema per event type, built once: a 1,000-event batch must not build 1,000 zod objects.
const dataInputSchemas = new Map<string, z.ZodType<{ data: Record<string, unknown> }>>()

function eventDataInputSchema(eventType: string) {
  // Every custom type shares one schema of its data.
  const key = isBuiltInEventType(eventType) ? eventType : '(custom)'
  let schema = dataInputSchemas.get(key)
  if (!schema) {
    schema = z.object({ data: getEventDataSchema(eventType) })
    dataInputSchemas.set(key, schema)
  }
  return schema
}

async function validateInput(payload: Payload, input: PublishEventInput): Promise<NewEvent> {
  if (!(await isKnownEventType(payload, input.event_type))) {
    throw new ApiError('validation_error', `event_type: unknown event type "${input.event_type}"`, [
      {
        path: 'event_type',
        message: `Unknown event type "${input.event_type}"`,
        code: 'unknown_event_type',
      },
    ])
  }
  const { data } = parseWithSchema(eventDataInputSchema(input.event_type), { data: input.data })
  return buildEvent({
    eventId: input.event_id ?? generateEventId(),
    eventType: input.event_type,
    data,
  })
}

/** One result per input, in order; one bad input never fails the others. */
export async function publishEvents(
  payload: Payload,
  inputs: PublishEventInput[],
  options: { now?: Date } = {},
): Promise<PublishItemResult[]> {
  const now = options.now ?? new Date()
  const results: (PublishItemResult | null)[] = inputs.map(() => null)
  const accepted: { index: number; event: NewEvent }[] = []
  const seenInBatch = new Set<string>()
  for (const [index, input] of inputs.entries()) {
    try {
      const event = await validateInput(payload, input)
      // The second copy of an event_id within one batch is a duplicate of the first.
      if (seenInBatch.has(event.eventId)) {
        results[index] = duplicateResult(event)
        continue
      }
      seenInBatch.add(event.eventId)
      accepted.push({ index, event })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      results[index] = {
        ok: false,
        error: { code: error.code, message: error.message, issues: error.issues },
      }
    }
  }
  if (accepted.length > 0) {
    const subscriptions = await loadActiveSubscriptions(payload)
    const deliveriesByEvent = accepted.map(({ event }) =>
      subscriptions
        .filter((subscription) => matchesSubscription(subscription, event.eventType, event.data))
        .map((subscription) => buildDelivery(subscription, event, now)),
    )
    const inserted = await getDeliveryStore(payload).insertEvents(
      accepted.map(({ event }) => event),
      deliveriesByEvent.flat(),
      now,
    )
    const duplicates = new Set(inserted.duplicateEventIds)
    let nextId = 0
    accepted.forEach(({ index, event }, position) => {
      if (duplicates.has(event.eventId)) return void (results[index] = duplicateResult(event))
      const rows: NewDelivery[] = deliveriesByEvent[position]
      const ids = inserted.deliveryIds.slice(nextId, nextId + rows.length).map(String)
      nextId += rows.length
      results[index] = {
        ok: true,
        event_id: event.eventId,
        event_type: event.eventType,
        deliveries_created: ids.length,
        delivery_ids: ids,
        duplicate: false,
      }
    })
  }
  return results as PublishItemResult[]
}

function duplicateResult(event: NewEvent): PublishItemResult {
  return {
    ok: true,
    event_id: event.eventId,
    event_type: event.eventType,
    deliveries_created: 0,
    delivery_ids: [],
    duplicate: true,
  }
}
