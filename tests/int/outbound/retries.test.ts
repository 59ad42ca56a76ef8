import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as replay } from '@/app/api/v1/webhooks/deliveries/[id]/replay/route'
import { POST as publish } from '@/app/api/v1/webhooks/events/route'
import { POST as recover } from '@/app/api/v1/webhooks/subscriptions/[id]/recover/route'
import { GET as stats } from '@/app/api/v1/webhooks/subscriptions/[id]/stats/route'
import { POST as createSubscriptionRoute } from '@/app/api/v1/webhooks/subscriptions/route'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import type { WebhookDelivery } from '@/payload-types'
import { startReceiver, type Receiver } from '../../fakes/startReceiver'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'
import { startTestDeliveryLoop } from '../../helpers/startTestDeliveryLoop'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload
let adminKey: string
let loop: WorkerLoop
const receivers: Receiver[] = []

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  loop = startTestDeliveryLoop(payload)
})

afterAll(async () => {
  await loop.drain()
  await Promise.all(receivers.map((receiver) => receiver.close()))
})

const fastRetries = {
  max_attempts: 3,
  initial_delay_ms: 100,
  backoff_multiplier: 2,
  max_delay_ms: 1_000,
}

async function receiverAnswering(statuses: number[], headers: Record<string, string> = {}) {
  let index = 0
  const receiver = await startReceiver((_request, response) => {
    const status = statuses[Math.min(index, statuses.length - 1)]
    index += 1
    response.writeHead(status, headers)
    response.end(`answer ${status}`)
  })
  receivers.push(receiver)
  return receiver
}

async function subscribeAndPublish(
  receiver: Receiver,
  eventType: string,
  extra: Record<string, unknown> = {},
) {
  const created = await callRoute(createSubscriptionRoute, '/api/v1/webhooks/subscriptions', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({
      name: eventType,
      url: receiver.url,
      event_types: [eventType],
      retry_config: fastRetries,
      ...extra,
    }),
  })
  expect(created.status).toBe(201)
  const published = await callRoute(publish, '/api/v1/webhooks/events', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({
      event_type: eventType,
      data: { job_id: 'j', user_id: 'u', machine_id: 'm', worker_id: 'w' },
    }),
  })
  expect(published.body.data.deliveries_created).toBe(1)
  return {
    subscriptionId: created.body.data.id as string,
    eventId: published.body.data.event_id as string,
  }
}

async function readDelivery(eventId: string): Promise<WebhookDelivery> {
  const found = await payload.find({
    collection: 'webhook-deliveries',
    where: { event_id: { equals: eventId } },
    overrideAccess: true,
  })
  return found.docs[0]
}

describe('retries', () => {
  it('retries with backoff when the receiver fails twice, then succeeds on the third attempt', async () => {
    const receiver = await receiverAnswering([500, 502, 200])
    const { eventId, subscriptionId } = await subscribeAndPublish(receiver, 'job.failed')
    const delivery = await waitFor(
      () => readDelivery(eventId),
      (d) => d?.status === 'succeeded',
    )
    expect(delivery.attempt_count).toBe(3)
    const attempts = delivery.attempts as { status_code: number; attempted_at: string }[]
    expect(attempts.map((attempt) => attempt.status_code)).toEqual([500, 502, 200])
    const [first, second, third] = receiver.requests
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(80)
    expect(third.receivedAt - second.receivedAt).toBeGreaterThanOrEqual(160)
    expect(JSON.parse(third.body).metadata.retry_attempt).toBe(2)
    expect(new Set(receiver.requests.map((request) => request.headers['webhook-id'])).size).toBe(1)
    const recovered = await waitFor(
      () => payload.findByID({ collection: 'webhooks', id: subscriptionId, overrideAccess: true }),
      (s) => s.failing_since === null || s.failing_since === undefined,
    )
    expect(recovered.event_types).toEqual(['job.failed'])

    const statistics = await callRoute(stats, `/x`, {
      apiKey: adminKey,
      params: { id: subscriptionId },
    })
    expect(statistics.body.data).toMatchObject({
      total_deliveries: 1,
      successful_deliveries: 1,
      failed_deliveries: 0,
      retry_queue_size: 0,
      pending_deliveries: 0,
      success_rate: 1,
    })
    expect(statistics.body.data.latency_ms.p50).toEqual(expect.any(Number))
  })

  it('waits as long as Retry-After says on a 503', async () => {
    const receiver = await receiverAnswering([503, 200], { 'retry-after': '1' })
    const { eventId } = await subscribeAndPublish(receiver, 'job.timeout')
    await waitFor(
      () => readDelivery(eventId),
      (d) => d?.status === 'succeeded',
    )
    const [first, second] = receiver.requests
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950)
  })

  it('disables the subscription when the receiver answers 410 Gone', async () => {
    const receiver = await receiverAnswering([410])
    const { eventId, subscriptionId } = await subscribeAndPublish(receiver, 'job.cancelled')
    const delivery = await waitFor(
      () => readDelivery(eventId),
      (d) => d?.status === 'dead',
    )
    expect(delivery.attempt_count).toBe(1)
    const subscription = await waitFor(
      () => payload.findByID({ collection: 'webhooks', id: subscriptionId, overrideAccess: true }),
      (s) => s.active === false,
    )
    expect(subscription.disabled_reason).toMatch(/410/)
  })

  it('marks a delivery dead after its last attempt, and a replay delivers it once the receiver recovers', async () => {
    const receiver = await receiverAnswering([500])
    const { eventId, subscriptionId } = await subscribeAndPublish(receiver, 'job.assigned')
    const dead = await waitFor(
      () => readDelivery(eventId),
      (d) => d?.status === 'dead',
    )
    expect(dead.attempt_count).toBe(3)
    expect(receiver.requests).toHaveLength(3)

    receiver.respondWith((_request, response) => response.end('ok'))
    const replayed = await callRoute(replay, '/x', {
      method: 'POST',
      apiKey: adminKey,
      params: { id: String(dead.id) },
    })
    expect(replayed.status).toBe(202)
    const delivered = await waitFor(
      () => readDelivery(eventId),
      (d) => d?.status === 'succeeded',
    )
    expect(delivered.attempt_count).toBe(4)
    expect(receiver.requests).toHaveLength(4)

    const again = await callRoute(recover, '/x', {
      method: 'POST',
      apiKey: adminKey,
      params: { id: subscriptionId },
      body: JSON.stringify({ since: new Date(Date.now() - 60_000).toISOString() }),
    })
    expect(again.body.data.replayed).toBe(0)
  })

  it('recovers every failed and dead delivery since a time in one call', async () => {
    const receiver = await receiverAnswering([500])
    const first = await subscribeAndPublish(receiver, 'machine.startup', {
      retry_config: { ...fastRetries, max_attempts: 1 },
    })
    await waitFor(
      () => readDelivery(first.eventId),
      (d) => d?.status === 'dead',
    )
    receiver.respondWith((_request, response) => response.end('ok'))
    const recovered = await callRoute(recover, '/x', {
      method: 'POST',
      apiKey: adminKey,
      params: { id: first.subscriptionId },
      body: JSON.stringify({ since: new Date(Date.now() - 60_000).toISOString() }),
    })
    expect(recovered.body.data.replayed).toBe(1)
    await waitFor(
      () => readDelivery(first.eventId),
      (d) => d?.status === 'succeeded',
    )
  })

  it('disables a subscription that has failed every attempt for its configured window, and says why', async () => {
    const operatorInbox = await receiverAnswering([200])
    await callRoute(createSubscriptionRoute, '/api/v1/webhooks/subscriptions', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({
        name: 'ops',
        url: operatorInbox.url,
        event_types: ['webhook.disabled'],
      }),
    })
    const receiver = await receiverAnswering([500])
    const { subscriptionId } = await subscribeAndPublish(receiver, 'worker.connected', {
      retry_config: {
        max_attempts: 10,
        initial_delay_ms: 50,
        backoff_multiplier: 1,
        max_delay_ms: 50,
      },
    })
    await payload.update({
      collection: 'webhooks',
      id: subscriptionId,
      overrideAccess: true,
      data: { disable_after_failing_ms: 300 },
    })
    const subscription = await waitFor(
      () => payload.findByID({ collection: 'webhooks', id: subscriptionId, overrideAccess: true }),
      (s) => s.active === false,
    )
    expect(subscription.disabled_reason).toMatch(/Every attempt failed/)
    expect(subscription.failing_since).toEqual(expect.any(String))
    expect(subscription.event_types).toEqual(['worker.connected'])
    const notices = await operatorInbox.waitForRequests(1)
    const notice = notices
      .map((request) => JSON.parse(request.body))
      .find((body) => body.data.webhook_id === subscriptionId)
    expect(notice).toMatchObject({
      event_type: 'webhook.disabled',
      data: { reason: expect.stringMatching(/Every attempt failed/) },
    })
  })
})
