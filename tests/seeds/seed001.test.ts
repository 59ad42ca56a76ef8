// Seed 001 (EMP job-queue notifications) as its clients use it: the seed's own requests, sent verbatim
// but for the target URL and the hub's API key, and the seed's own receiver code run on what arrives.
import { createRequire } from 'node:module'

import type { Payload } from 'payload'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'

import { POST as publish } from '@/app/api/v1/webhooks/events/route'
import {
  GET as getSubscription,
  PUT as updateSubscription,
} from '@/app/api/v1/webhooks/subscriptions/[id]/route'
import { GET as getStats } from '@/app/api/v1/webhooks/subscriptions/[id]/stats/route'
import { POST as sendTest } from '@/app/api/v1/webhooks/subscriptions/[id]/test/route'
import {
  GET as listSubscriptions,
  POST as createSubscription,
} from '@/app/api/v1/webhooks/subscriptions/route'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startReceiver, type Receiver, type ReceivedRequest } from '../fakes/startReceiver'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'
import { startTestDeliveryLoop } from '../helpers/startTestDeliveryLoop'
import { waitFor } from '../helpers/waitFor'

const { verifyWebhookSignature } = createRequire(import.meta.url)(
  './fixtures/seed001Receiver.cjs',
) as {
  verifyWebhookSignature: (payload: unknown, signature: string, secret: string) => boolean
}

const SEED_SECRET = 'your-secret-key'
const SEED_HEADER_VALUE = 'Bearer your-api-token'

// The body of the seed's "Create Webhook Example", verbatim; only `url` is replaced by the test.
const seedCreateBody = (url: string) => `{
    "url": "${url}",
    "secret": "your-secret-key",
    "events": ["job.submitted", "job.completed", "job.failed"],
    "filters": {
      "job_types": ["comfyui"],
      "job_priorities": [1, 2, 3]
    },
    "headers": {
      "Authorization": "Bearer your-api-token"
    },
    "retry_config": {
      "max_attempts": 3,
      "initial_delay_ms": 1000,
      "backoff_multiplier": 2,
      "max_delay_ms": 30000
    },
    "active": true
  }`

let payload: Payload
let adminKey: string
let receiver: Receiver
let loop: WorkerLoop
let subscriptionId: string
let logLines: string[]
let infoSpy: MockInstance
let warnSpy: MockInstance

/** The seed's receiver: parses the body as its express app would and checks X-Webhook-Signature. */
function seedAccepts(request: ReceivedRequest): boolean {
  return verifyWebhookSignature(
    JSON.parse(request.body),
    String(request.headers['x-webhook-signature']),
    SEED_SECRET,
  )
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

beforeAll(async () => {
  logLines = []
  // The activity log writes a turn's lines in one call.
  const capture = (...args: unknown[]) =>
    void logLines.push(...args.map(String).join(' ').split('\n'))
  infoSpy = vi.spyOn(console, 'info').mockImplementation(capture)
  warnSpy = vi.spyOn(console, 'warn').mockImplementation(capture)
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  receiver = await startReceiver((request, response) => {
    response.writeHead(seedAccepts(request) ? 200 : 401, { 'content-type': 'application/json' })
    response.end('{"received":true}')
  })
  loop = startTestDeliveryLoop(payload)
})

afterAll(async () => {
  await loop.drain()
  await receiver.close()
  infoSpy.mockRestore()
  warnSpy.mockRestore()
})

afterEach(() => {
  receiver.requests.length = 0
})

describe('seed 001: Create Webhook Example', () => {
  it('is accepted verbatim and answered with the seed fields beside the hub fields', async () => {
    const response = await callRoute(createSubscription, '/api/v1/webhooks/subscriptions', {
      method: 'POST',
      apiKey: adminKey,
      headers: { 'content-type': 'application/json' },
      body: seedCreateBody(`${receiver.url}/webhooks/jobs`),
    })
    expect(response.status).toBe(201)
    const data = response.body.data
    subscriptionId = data.id
    expect(response.body.success).toBe(true)
    expect(data).toMatchObject({
      url: `${receiver.url}/webhooks/jobs`,
      events: ['job.submitted', 'job.completed', 'job.failed'],
      event_types: ['job.submitted', 'job.completed', 'job.failed'],
      filters: { job_types: ['comfyui'], job_priorities: ['1', '2', '3'] },
      active: true,
      format: 'standard',
      retry_config: {
        max_attempts: 3,
        initial_delay_ms: 1000,
        backoff_multiplier: 2,
        max_delay_ms: 30000,
      },
      secret: SEED_SECRET,
    })
    expect(data.name).toBe(`${new URL(receiver.url).host} job.submitted, job.completed, job.failed`)
    expect(typeof data.created_at).toBe('string')
    expect(typeof data.updated_at).toBe('string')
  })

  it('delivers a matching event that the seed verifier accepts, with the seed headers', async () => {
    const published = await publishEvent('job.completed', {
      job_id: 'job_123',
      job_type: 'comfyui',
      priority: 2,
    })
    expect(published.deliveries_created).toBe(1)
    const [request] = await receiver.waitForRequests(1)
    expect(request.path).toBe('/webhooks/jobs')
    expect(seedAccepts(request)).toBe(true)
    expect(request.headers).toMatchObject({
      authorization: SEED_HEADER_VALUE,
      'x-webhook-event': 'job.completed',
      'x-webhook-id': subscriptionId,
      'x-event-id': published.event_id,
    })
    expect(JSON.parse(request.body)).toMatchObject({
      event_type: 'job.completed',
      event_id: published.event_id,
      webhook_id: subscriptionId,
      data: { job_id: 'job_123', job_type: 'comfyui', priority: 2 },
    })
    // The Standard Webhooks signature of a non-whsec_ secret is keyed by the secret's UTF-8 bytes.
    const standard = new StandardWebhook(Buffer.from(SEED_SECRET, 'utf8'), { format: 'raw' })
    expect(
      standard.verify(request.body, {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      }),
    ).toMatchObject({ event_id: published.event_id })
  })

  it('matches numeric job_priorities against data.priority, as numbers or strings', async () => {
    expect(
      (await publishEvent('job.failed', { job_id: 'j1', job_type: 'comfyui', priority: '3' }))
        .deliveries_created,
    ).toBe(1)
    expect(
      (await publishEvent('job.failed', { job_id: 'j2', job_type: 'comfyui', priority: 4 }))
        .deliveries_created,
    ).toBe(0)
    expect(
      (await publishEvent('job.failed', { job_id: 'j3', job_type: 'comfyui' })).deliveries_created,
    ).toBe(0)
    expect(
      (await publishEvent('job.failed', { job_id: 'j4', job_type: 'other', priority: 1 }))
        .deliveries_created,
    ).toBe(0)
    await receiver.waitForRequests(1)
  })
})

describe('seed 001: test, stats and logs', () => {
  it("sends the seed's test payload on POST /test without a body, and the seed verifier accepts it", async () => {
    const response = await callRoute(sendTest, '/x', {
      method: 'POST',
      apiKey: adminKey,
      params: { id: subscriptionId },
    })
    expect(response.status).toBe(200)
    expect(response.body.data.success).toBe(true)
    const [request] = await receiver.waitForRequests(1)
    expect(seedAccepts(request)).toBe(true)
    const body = JSON.parse(request.body)
    expect(body).toMatchObject({
      event_type: 'job.submitted',
      webhook_id: subscriptionId,
      data: { job_id: 'test_job_123', job_type: 'test', job_status: 'pending' },
      metadata: { test: true },
    })
    expect(body.event_id).toMatch(/^test_\d+_[0-9a-f]+$/)
    expect(typeof body.timestamp).toBe('number')
  })

  it("answers GET /stats with the seed's fields", async () => {
    const response = await callRoute(getStats, '/x', {
      apiKey: adminKey,
      params: { id: subscriptionId },
    })
    expect(response.status).toBe(200)
    for (const field of [
      'total_deliveries',
      'successful_deliveries',
      'failed_deliveries',
      'retry_queue_size',
      'pending_deliveries',
    ]) {
      expect(typeof response.body.data[field]).toBe('number')
    }
    expect(response.body.data.successful_deliveries).toBeGreaterThanOrEqual(3)
  })

  it('logs one seed-shaped line per registration, delivery, failure and scheduled retry', async () => {
    let answered = 0
    receiver.respondWith((_request, response) => {
      answered += 1
      response.writeHead(answered === 1 ? 500 : 200)
      response.end()
    })
    await publishEvent('job.submitted', { job_id: 'job_retry', job_type: 'comfyui', priority: 1 })
    await receiver.waitForRequests(2)
    await waitFor(
      async () => logLines.filter((line) => line.includes('(job.submitted, job_retry)')),
      (lines) => lines.length === 1,
      { what: 'the delivered line after the retry' },
    )
    const stamp = String.raw`^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] `
    const id = subscriptionId
    expect(logLines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `${stamp}INFO: Webhook registered: ${id} -> http://127\\.0\\.0\\.1:\\d+/webhooks/jobs$`,
        ),
      ),
    )
    expect(logLines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `${stamp}INFO: Webhook delivered successfully: ${id} \\(job\\.completed, job_123\\)$`,
        ),
      ),
    )
    expect(logLines).toContainEqual(
      expect.stringMatching(
        new RegExp(`${stamp}WARN: Webhook delivery failed: ${id} \\(attempt 1\\) - HTTP 500$`),
      ),
    )
    expect(logLines).toContainEqual(
      expect.stringMatching(
        new RegExp(`${stamp}INFO: Webhook retry scheduled: ${id} in \\d+ms \\(attempt 2/3\\)$`),
      ),
    )
  })
})

describe('seed 001: secrets and bad input', () => {
  it('never shows the secret or the header value again, in responses or log lines', async () => {
    const one = await callRoute(getSubscription, '/x', {
      apiKey: adminKey,
      params: { id: subscriptionId },
    })
    const all = await callRoute(listSubscriptions, '/api/v1/webhooks/subscriptions', {
      apiKey: adminKey,
    })
    for (const text of [JSON.stringify(one.body), JSON.stringify(all.body), logLines.join('\n')]) {
      expect(text).not.toContain(SEED_SECRET)
      expect(text).not.toContain('your-api-token')
    }
    expect(logLines.length).toBeGreaterThanOrEqual(5)
  })

  it('answers 400 listing every problem when two names for a field disagree, and stores nothing', async () => {
    const before = await payload.count({ collection: 'webhooks', overrideAccess: true })
    const response = await callRoute(createSubscription, '/api/v1/webhooks/subscriptions', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({
        url: `${receiver.url}/a`,
        target_url: `${receiver.url}/b`,
        events: ['job.completed'],
        event_types: ['job.failed'],
        secret: 'short',
        filters: { job_priorities: [true] },
      }),
    })
    expect(response.status).toBe(400)
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path)
    expect(paths).toEqual(
      expect.arrayContaining(['target_url', 'events', 'secret', 'filters.job_priorities.0']),
    )
    expect((await payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs).toBe(
      before.totalDocs,
    )
  })

  it('keeps accepting the hub names, and the same value under both names', async () => {
    const response = await callRoute(createSubscription, '/api/v1/webhooks/subscriptions', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({
        name: 'Hub names',
        url: `${receiver.url}/hub`,
        event_types: ['job.completed', 'job.failed'],
        events: ['job.failed', 'job.completed'],
        filters: { job_priorities: ['high'] },
      }),
    })
    expect(response.status).toBe(201)
    expect(response.body.data).toMatchObject({
      name: 'Hub names',
      event_types: ['job.completed', 'job.failed'],
      filters: { job_priorities: ['high'] },
      format: 'standard',
    })
    expect(response.body.data.secret).toMatch(/^whsec_/)
  })

  it('takes the seed body again on PUT: the same secret changes nothing, another one rotates to it', async () => {
    const second = await startReceiver()
    try {
      const created = await callRoute(createSubscription, '/api/v1/webhooks/subscriptions', {
        method: 'POST',
        apiKey: adminKey,
        body: seedCreateBody(`${second.url}/webhooks/jobs`),
      })
      const id = created.body.data.id
      const put = (body: string) =>
        callRoute(updateSubscription, '/x', {
          method: 'PUT',
          apiKey: adminKey,
          params: { id },
          body,
        })
      const same = await put(seedCreateBody(`${second.url}/webhooks/jobs`))
      expect(same.status).toBe(200)
      expect(same.body.data.secret_hint).toBe(created.body.data.secret_hint)
      const rotated = await put(
        seedCreateBody(`${second.url}/webhooks/jobs`).replace(SEED_SECRET, 'another-secret-key'),
      )
      expect(rotated.status).toBe(200)
      expect(JSON.stringify(rotated.body)).not.toContain('another-secret-key')
      await publishEvent('job.completed', { job_id: 'job_put', job_type: 'comfyui', priority: 1 })
      const [request] = await second.waitForRequests(1)
      expect(
        verifyWebhookSignature(
          JSON.parse(request.body),
          String(request.headers['x-webhook-signature']),
          'another-secret-key',
        ),
      ).toBe(true)
    } finally {
      await second.close()
    }
  })
})
