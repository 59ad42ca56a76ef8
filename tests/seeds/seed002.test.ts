// Seed 002 (Corp Astro webhooks) as its clients use it: the seed's "Register a new webhook" request sent
// verbatim (target URL pointed here, the hub's API key as the Bearer token) and the seed's own Express
// receiver, run through a minimal express shim (fixtures/expressShim.cjs), judging what arrives.
import { createRequire } from 'node:module'

import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'

import { POST as publish } from '@/app/api/v1/webhooks/events/route'
import { GET as getSubscription } from '@/app/api/v1/webhooks/subscriptions/[id]/route'
import { POST as sendTest } from '@/app/api/v1/webhooks/subscriptions/[id]/test/route'
import {
  GET as listSubscriptions,
  POST as createSubscription,
} from '@/app/api/v1/webhooks/subscriptions/route'
import { computeBackoffDelay } from '@/lib/delivery/computeRetryDelay'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startReceiver, type Receiver, type ReceivedRequest } from '../fakes/startReceiver'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'
import { startTestDeliveryLoop } from '../helpers/startTestDeliveryLoop'

type ShimApp = {
  handle(
    path: string,
    headers: ReceivedRequest['headers'],
    rawBody: string,
  ): { status: number; body: unknown }
}
const { app: seedReceiver } = createRequire(import.meta.url)('./fixtures/seed002Receiver.cjs') as {
  app: ShimApp
}

const SEED_SECRET = 'your_webhook_secret'

// The body of the seed's "Register a new webhook", verbatim; only `target_url` is replaced by the test.
const seedRegisterBody = (targetUrl: string) => `{
    "event_type": "user.created",
    "target_url": "${targetUrl}",
    "secret": "your_webhook_secret",
    "description": "Notify when new users are created"
  }`

let payload: Payload
let apiKey: string
let receiver: Receiver
let loop: WorkerLoop
let subscriptionId: string
let verdicts: number[]
let logLines: string[]
let spies: MockInstance[]

beforeAll(async () => {
  // The seed's receiver reads its secret from the environment.
  process.env.WEBHOOK_SECRET = SEED_SECRET
  logLines = []
  // The activity log writes a turn's lines in one call.
  const capture = (...args: unknown[]) =>
    void logLines.push(...args.map(String).join(' ').split('\n'))
  // console.log carries the seed receiver's own "Received webhook" lines: the payload data, no secret.
  spies = (['info', 'warn', 'log'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation(capture),
  )
  payload = await bootHub()
  apiKey = (await createTestUser(payload, 'admin')).apiKey
  verdicts = []
  receiver = await startReceiver((request, response) => {
    const answer = seedReceiver.handle(request.path, request.headers, request.body)
    verdicts.push(answer.status)
    response.writeHead(answer.status, { 'content-type': 'application/json' })
    response.end(JSON.stringify(answer.body))
  })
  loop = startTestDeliveryLoop(payload)
})

afterAll(async () => {
  await loop.drain()
  await receiver.close()
  for (const spy of spies) spy.mockRestore()
  delete process.env.WEBHOOK_SECRET
})

afterEach(() => {
  receiver.requests.length = 0
  verdicts.length = 0
})

async function register(body: string) {
  return callRoute(createSubscription, '/api/v1/webhooks/subscriptions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    apiKey,
    body,
  })
}

describe('seed 002: Register a new webhook', () => {
  it('is accepted verbatim and becomes a corp-astro subscription with 5 attempts', async () => {
    const response = await register(seedRegisterBody(`${receiver.url}/webhooks/corp-astro`))
    expect(response.status).toBe(201)
    const data = response.body.data
    subscriptionId = data.id
    expect(data).toMatchObject({
      event_type: 'user.created',
      event_types: ['user.created'],
      target_url: `${receiver.url}/webhooks/corp-astro`,
      url: `${receiver.url}/webhooks/corp-astro`,
      description: 'Notify when new users are created',
      status: 'active',
      format: 'corp-astro',
      retry_config: {
        max_attempts: 5,
        initial_delay_ms: 30_000,
        backoff_multiplier: 2,
        max_delay_ms: 240_000,
      },
      secret: SEED_SECRET,
    })
  })

  it("retries as the seed's queue does: 30 s, 60 s, 120 s, 240 s (before the hub's ±20 % jitter)", async () => {
    const response = await callRoute(getSubscription, '/x', {
      apiKey,
      params: { id: subscriptionId },
    })
    const config = response.body.data.retry_config
    const delays = [1, 2, 3, 4].map((attempt) => computeBackoffDelay(config, attempt, () => 0.5))
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000])
  })

  it("delivers {id, timestamp, event_type, data} that the seed's receiver accepts", async () => {
    const published = await callRoute(publish, '/api/v1/webhooks/events', {
      method: 'POST',
      apiKey,
      body: JSON.stringify({
        event_type: 'user.created',
        data: {
          user_id: 'usr_987654321',
          email: 'user@example.com',
          subscription_tier: 'free',
          created_at: '2025-05-17T10:30:40Z',
        },
      }),
    })
    expect(published.body.data.deliveries_created).toBe(1)
    const [request] = await receiver.waitForRequests(1)
    expect(verdicts).toEqual([200])
    const body = JSON.parse(request.body)
    expect(Object.keys(body)).toEqual(['id', 'timestamp', 'event_type', 'data'])
    expect(body).toMatchObject({
      event_type: 'user.created',
      data: { user_id: 'usr_987654321', email: 'user@example.com' },
    })
    expect(body.id).toMatch(/^whd_/)
    expect(request.headers).toMatchObject({
      'x-corp-astro-event': 'user.created',
      'x-corp-astro-webhook-id': body.id,
      'x-corp-astro-timestamp': body.timestamp,
    })
    expect(request.headers['webhook-signature']).toBeUndefined()
  })

  it('is refused by the same receiver code when the body was altered, so its check is real', () => {
    const answer = seedReceiver.handle(
      '/webhooks/corp-astro',
      { 'x-corp-astro-signature': '0'.repeat(64), 'x-corp-astro-event': 'user.created' },
      '{"id":"whd_1","timestamp":"2025-05-17T10:30:45Z","event_type":"user.created","data":{}}',
    )
    expect(answer.status).toBe(401)
  })

  it('sends a test webhook on POST /test that the seed receiver accepts', async () => {
    const response = await callRoute(sendTest, '/x', {
      method: 'POST',
      apiKey,
      params: { id: subscriptionId },
    })
    expect(response.status).toBe(200)
    expect(response.body.data.success).toBe(true)
    await receiver.waitForRequests(1)
    expect(verdicts).toEqual([200])
  })
})

describe("seed 002: a client's webhooks, secrets", () => {
  it('lists the webhooks of one client with ?client_id=', async () => {
    for (const clientId of ['acme', 'acme', 'globex']) {
      const response = await register(
        JSON.stringify({
          client_id: clientId,
          event_type: 'report.generated',
          target_url: `${receiver.url}/webhooks/corp-astro`,
          secret: SEED_SECRET,
        }),
      )
      expect(response.status).toBe(201)
    }
    const response = await callRoute(
      listSubscriptions,
      '/api/v1/webhooks/subscriptions?client_id=acme',
      { apiKey },
    )
    expect(response.status).toBe(200)
    expect(response.body.data.items).toHaveLength(2)
    for (const item of response.body.data.items) expect(item.client_id).toBe('acme')
  })

  it('never shows the secret again, in responses or log lines', async () => {
    const one = await callRoute(getSubscription, '/x', { apiKey, params: { id: subscriptionId } })
    const all = await callRoute(listSubscriptions, '/api/v1/webhooks/subscriptions', { apiKey })
    for (const text of [JSON.stringify(one.body), JSON.stringify(all.body), logLines.join('\n')]) {
      expect(text).not.toContain(SEED_SECRET)
    }
    expect(logLines.some((line) => line.includes('Webhook delivered successfully'))).toBe(true)
  })

  it('answers 400 when event_type and event_types disagree, for a missing target, and for a header that would override the signature', async () => {
    const response = await register(
      JSON.stringify({
        event_type: 'user.created',
        event_types: ['user.updated'],
        headers: { 'X-Corp-Astro-Signature': 'forged' },
      }),
    )
    expect(response.status).toBe(400)
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path)
    expect(paths).toEqual(expect.arrayContaining(['event_type', 'url', 'headers']))
  })
})
