// A test event for one subscription: queued like any delivery (the worker alone sends HTTP), then awaited.
// Without a body it is seed 001's test payload: job.submitted for test_job_123, id test_<ms>_<random>.
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'
import { z } from 'zod'

import { ApiError } from '@/lib/api/apiError'
import { parseWithSchema } from '@/lib/api/parseInput'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'
import { getEventDataSchema, isBuiltInEventType } from '@/lib/events/eventCatalog'
import { EVENT_TYPE_NAME_PATTERN } from '@/lib/events/eventCatalog'
import { buildDelivery, buildEvent } from '@/lib/events/publishEvent'
import type { Webhook } from '@/payload-types'

export const testEventInputSchema = z.object({
  event_type: z.string().regex(EVENT_TYPE_NAME_PATTERN).default('job.submitted'),
  data: z.record(z.string(), z.unknown()).optional(),
})

const POLL_MS = 50

const SEED_001_TEST_JOB = { job_id: 'test_job_123', job_type: 'test', job_status: 'pending' }

function generateTestEventId(now: Date): string {
  return `test_${now.getTime()}_${randomBytes(6).toString('hex')}`
}

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
      : SEED_001_TEST_JOB)
  if (isBuiltInEventType(input.event_type)) {
    parseWithSchema(z.object({ data: getEventDataSchema(input.event_type) }), { data })
  }
  const now = options.now ?? new Date()
  const event = buildEvent({
    eventId: generateTestEventId(now),
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
