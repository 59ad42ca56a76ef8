import type { Payload } from 'payload'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as publish } from '@/app/api/v1/webhooks/events/route'
import { POST as rotateSecret } from '@/app/api/v1/webhooks/subscriptions/[id]/rotate-secret/route'
import { POST as sendTest } from '@/app/api/v1/webhooks/subscriptions/[id]/test/route'
import { POST as createSubscriptionRoute } from '@/app/api/v1/webhooks/subscriptions/route'
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { UNREACHABLE_SUBSCRIPTION_CONCURRENCY } from '@/lib/delivery/deliveryLoop'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startReceiver, type Receiver } from '../../fakes/startReceiver'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'
import { startTestDeliveryLoop } from '../../helpers/startTestDeliveryLoop'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload
let adminKey: string
let receiver: Receiver
let loop: WorkerLoop

// No attempt times out while a test runs, so what a hanging receiver gets depends on the limits alone,
// never on how many timeouts a slow (loaded) machine lets pass before the healthy receiver is done.
const WAIT_MS = 90_000
const ATTEMPT_TIMEOUT_MS = 10 * WAIT_MS

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  receiver = await startReceiver()
  loop = startTestDeliveryLoop(payload, { timeoutMs: ATTEMPT_TIMEOUT_MS })
})

afterAll(async () => {
  await loop.drain()
  await receiver.close()
})

async function subscribe(body: Record<string, unknown>) {
  const response = await callRoute(createSubscriptionRoute, '/api/v1/webhooks/subscriptions', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({ name: 'Receiver', url: `${receiver.url}/hook`, ...body }),
  })
  expect(response.status).toBe(201)
  return response.body.data as { id: string; secret: string }
}

async function publishEvent(eventType: string, data: Record<string, unknown>) {
  const response = await callRoute(publish, '/api/v1/webhooks/events', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({ event_type: eventType, data }),
  })
  expect(response.status).toBe(201)
  return response.body.data as { event_id: string; deliveries_created: number }
}

describe('outbound delivery', () => {
  it('sends the documented body and headers, signed so that the standardwebhooks package verifies it', async () => {
    const subscription = await subscribe({
      event_types: ['job.completed'],
      headers: { 'X-Tenant': 'acme' },
    })
    const published = await publishEvent('job.completed', {
      job_id: 'job_1',
      job_type: 'image',
      result: { url: 'x' },
    })
    expect(published.deliveries_created).toBe(1)
    const [request] = await receiver.waitForRequests(1)

    const verified = new StandardWebhook(subscription.secret).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    })
    expect(verified).toMatchObject({ event_type: 'job.completed', event_id: published.event_id })

    const body = JSON.parse(request.body)
    expect(body).toEqual({
      event_type: 'job.completed',
      event_id: published.event_id,
      timestamp: expect.any(Number),
      webhook_id: subscription.id,
      data: { job_id: 'job_1', job_type: 'image', result: { url: 'x' } },
      metadata: { retry_attempt: 0, original_timestamp: body.timestamp },
    })
    expect(request.headers['webhook-id']).toBe(published.event_id)
    expect(request.headers['x-webhook-event']).toBe('job.completed')
    expect(request.headers['x-webhook-id']).toBe(subscription.id)
    expect(request.headers['x-event-id']).toBe(published.event_id)
    expect(request.headers['x-webhook-signature']).toBe(
      `sha256=${signHmacSha256Hex(subscription.secret, request.body)}`,
    )
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers['user-agent']).toMatch(/^WebhookHub\/\d+\.\d+\.\d+$/)
    expect(request.headers['x-tenant']).toBe('acme')
  })

  it('signs with both the new and the old secret during a rotation', async () => {
    receiver.requests.length = 0
    const subscription = await subscribe({ event_types: ['report.generated'] })
    const rotated = await callRoute(
      rotateSecret,
      `/api/v1/webhooks/subscriptions/${subscription.id}/rotate-secret`,
      {
        method: 'POST',
        apiKey: adminKey,
        params: { id: subscription.id },
      },
    )
    expect(rotated.status).toBe(200)
    const newSecret = rotated.body.data.secret as string
    expect(newSecret).not.toBe(subscription.secret)

    await publishEvent('report.generated', { report_id: 'r1' })
    const [request] = await receiver.waitForRequests(1)
    const signatures = String(request.headers['webhook-signature']).split(' ')
    expect(signatures).toHaveLength(2)
    const headers = {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    }
    expect(() => new StandardWebhook(newSecret).verify(request.body, headers)).not.toThrow()
    expect(() =>
      new StandardWebhook(subscription.secret).verify(request.body, headers),
    ).not.toThrow()
    expect(() =>
      new StandardWebhook(
        'whsec_' + Buffer.from('another-secret-entirely').toString('base64'),
      ).verify(request.body, headers),
    ).toThrow()
    expect(request.headers['x-webhook-signature']).toBe(
      `sha256=${signHmacSha256Hex(newSecret, request.body)}`,
    )
  })

  it('records the attempt with status, response headers, body excerpt and duration', async () => {
    receiver.requests.length = 0
    receiver.respondWith((_request, response) => {
      response.writeHead(202, { 'x-receiver': 'yes' })
      response.end('x'.repeat(10_000))
    })
    await subscribe({ event_types: ['content.published'] })
    const published = await publishEvent('content.published', { content_id: 'c1' })
    await receiver.waitForRequests(1)
    const delivery = await waitForDelivery(published.event_id, (status) => status === 'succeeded')
    const [attempt] = delivery.attempts as Record<string, unknown>[]
    expect(attempt).toMatchObject({ attempt: 1, status_code: 202, error: null })
    expect((attempt.response_headers as Record<string, string>)['x-receiver']).toBe('yes')
    expect(attempt.response_body).toBe('x'.repeat(4096))
    expect(typeof attempt.duration_ms).toBe('number')
    receiver.respondWith((_request, response) => response.end('ok'))
  })
})

describe('test events and concurrency limits', { timeout: WAIT_MS + 30_000 }, () => {
  it("sends seed 001's test event, marked metadata.test, and answers with the attempt outcome", async () => {
    receiver.requests.length = 0
    receiver.respondWith((_request, response) => {
      response.writeHead(299)
      response.end('test ok')
    })
    const subscription = await subscribe({ event_types: ['user.created'] })
    const response = await callRoute(sendTest, '/x', {
      method: 'POST',
      apiKey: adminKey,
      params: { id: subscription.id },
      body: JSON.stringify({}),
    })
    expect(response.status).toBe(200)
    expect(response.body.data).toMatchObject({
      delivered: true,
      success: true,
      status: 'succeeded',
      attempt: { status_code: 299, response_body: 'test ok' },
    })
    const [request] = await receiver.waitForRequests(1)
    expect(JSON.parse(request.body)).toMatchObject({
      event_type: 'job.submitted',
      data: { job_id: 'test_job_123', job_type: 'test', job_status: 'pending' },
      metadata: { test: true, retry_attempt: 0 },
    })
    receiver.respondWith((_request, res) => res.end('ok'))
  })

  it('keeps delivering to healthy subscriptions while one receiver hangs (per-subscription limit)', async () => {
    const hanging = await startReceiver(() => {
      // Never answers: each attempt holds its slot for the rest of the test.
    })
    const healthy = await startReceiver()
    try {
      for (const target of [hanging, healthy]) {
        await subscribe({ url: target.url, event_types: ['machine.shutdown'] })
      }
      for (let index = 0; index < 30; index += 1)
        await publishEvent('machine.shutdown', { machine_id: `m${index}` })
      await healthy.waitForRequests(30, WAIT_MS)
      await hanging.waitForRequests(8, WAIT_MS)
      expect(hanging.requests).toHaveLength(8)
    } finally {
      await hanging.close()
      await healthy.close()
    }
  })

  it('lets a subscription that stopped answering hold only two slots, so several hanging receivers cannot starve the rest', async () => {
    let dropConnections = true
    const hangingReceivers = await Promise.all(
      Array.from({ length: 4 }, () =>
        startReceiver((_request, response) => {
          // First no answer at all (the connection dropped), then every attempt hangs.
          if (dropConnections) response.destroy()
        }),
      ),
    )
    const healthy = await startReceiver()
    try {
      for (const target of hangingReceivers) {
        await subscribe({ url: target.url, event_types: ['machine.startup'] })
      }
      const first = await publishEvent('machine.startup', { machine_id: 's-first' })
      await waitFor(
        () => countAttempted(first.event_id),
        (attempted) => attempted === hangingReceivers.length,
        { timeoutMs: WAIT_MS, what: 'the dropped attempts to be recorded' },
      )
      dropConnections = false
      await subscribe({ url: healthy.url, event_types: ['machine.startup'] })
      for (let index = 0; index < 60; index += 1)
        await publishEvent('machine.startup', { machine_id: `s${index}` })
      // Unlimited, the four would take 8 slots each, all 32 of them, and the healthy one would wait for
      // ever (no attempt times out here). Limited, they hold 8 in all and the healthy one gets the rest.
      await healthy.waitForRequests(60, WAIT_MS)
      for (const hanging of hangingReceivers)
        expect(hanging.requests.length).toBeLessThanOrEqual(
          1 + UNREACHABLE_SUBSCRIPTION_CONCURRENCY,
        )
    } finally {
      await Promise.all([...hangingReceivers, healthy].map((target) => target.close()))
    }
  })
})

async function countAttempted(eventId: string) {
  const attempted = await payload.count({
    collection: 'webhook-deliveries',
    where: { and: [{ event_id: { equals: eventId } }, { attempt_count: { greater_than: 0 } }] },
    overrideAccess: true,
  })
  return attempted.totalDocs
}

async function waitForDelivery(eventId: string, isDone: (status: string) => boolean) {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const found = await payload.find({
      collection: 'webhook-deliveries',
      where: { event_id: { equals: eventId } },
      overrideAccess: true,
    })
    const delivery = found.docs[0]
    if (delivery && isDone(delivery.status)) return delivery
    if (Date.now() > deadline) throw new Error(`delivery for ${eventId} is ${delivery?.status}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
