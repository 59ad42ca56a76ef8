// A test event for one subscription: queued like any delivery (the worker alone sends HTTP), then awaited.
import type { Payload } from 'payload'
import { z } from 'zod'

import { ApiError } from '@/lib/api/apiError'
import { parseWithSchema } from '@/lib/api/parseInput'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'
import { getEventDataSchema, isBuiltInEventType } from '@/lib/events/eventCatalog'
import { EVENT_TYPE_NAME_PATTERN } from '@/lib/events/eventCatalog'
import { buildDelivery, buildEvent, generateEventId } from '@/lib/events/publishEvent'
import type { Webhook } from '@/payload-types'

export const testEventInputSchema = z.object({
  event_type: z.string().regex(EVENT_TYPE_NAME_PATTERN).default('webhook.test'),
  data: z.record(z.string(), z.unknown()).optional(),
})

const POLL_MS = 50

export async function sendTestEvent(
  payload: Payload,
  subscription: Webhook,
  input: z.infer<typeof testEventInputSchema>,
  options: { waitMs: number; now?: Date },
) {
  if (subscription.active === false) {
    throw new ApiError(
      'conflict',
      'The subscription is disabled; enable it before sending a test event.',
    )
  }
  const data =
    input.data ??
    (input.event_type === 'webhook.test'
      ? { message: 'Test event from Webhook Hub' }
      : { job_id: 'job_test', job_type: 'test', job_status: 'completed' })
  if (isBuiltInEventType(input.event_type)) {
    parseWithSchema(z.object({ data: getEventDataSchema(input.event_type) }), { data })
  }
  const now = options.now ?? new Date()
  const event = buildEvent({
    eventId: generateEventId(),
    eventType: input.event_type,
    data,
    metadata: { test: true },
  })
  const row = buildDelivery({ id: subscription.id, maxAttempts: 1 }, event, now)
  const {
    deliveryIds: [deliveryId],
  } = await getDeliveryStore(payload).insertEvents([event], [row], now)

  const deadline = Date.now() + options.waitMs
  while (Date.now() < deadline) {
    const delivery = await payload.findByID({
      collection: 'webhook-deliveries',
      id: deliveryId,
      depth: 0,
      overrideAccess: true,
    })
    if (delivery.status === 'succeeded' || delivery.status === 'dead') {
      const attempts = Array.isArray(delivery.attempts) ? delivery.attempts : []
      return { delivered: true as const, delivery, attempt: attempts[attempts.length - 1] ?? null }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  const delivery = await payload.findByID({
    collection: 'webhook-deliveries',
    id: deliveryId,
    overrideAccess: true,
  })
  return { delivered: false as const, delivery, attempt: null }
}
