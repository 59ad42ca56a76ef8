// Seed 003 (general-purpose webhook ingest with an orphan poller), as its users wrote against it: its
// callback request (`POST /webhook/{provider}/{jobId}`, JSON, answered `{received: true}`) with its generic
// `JobStateUpdate` body, its security list (rate limiting, IP allowlisting, size limits) and its success
// metrics, served in Prometheus text at GET /api/v1/metrics. Callbacks go through the production web
// listener on 127.0.0.1, so the caller's address is the real TCP peer.
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const hubPort = await vi.hoisted(async () => {
  const { findFreePort } = await import('@/lib/process/findFreePort')
  const port = await findFreePort()
  process.env.WEBHOOK_BASE_URL = `http://127.0.0.1:${port}`
  process.env.METRICS_TOKEN = 'seed-003-metrics-token-0123456789'
  process.env.INBOUND_ALLOWED_IPS_LASTFRAME = '192.0.2.0/24'
  // Every scrape reads the database, so a value is seen as soon as it is stored.
  process.env.METRICS_MAX_AGE_MS = '0'
  return port
})

import { POST as submitJobRoute } from '@/app/api/v1/jobs/route'
import { GET as metricsRoute } from '@/app/api/v1/metrics/route'
import { envSchema } from '@/lib/config/env'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { pollOrphanedJobs } from '@/lib/jobs/orphanPollerLoop'
import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import { startWorkerHeartbeat } from '@/lib/worker/workerHeartbeat'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startFakeComfyDeploy, type FakeComfyDeploy } from '../fakes/startFakeComfyDeploy'
import { startReceiver, type Receiver } from '../fakes/startReceiver'
import { bootHub } from '../helpers/bootHub'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'
import { postInbound } from '../helpers/postInbound'
import { sendRawHttp } from '../helpers/sendRawHttp'
import { startHubInboundServer } from '../helpers/startHubInboundServer'
import { startTestDeliveryLoop } from '../helpers/startTestDeliveryLoop'
import { startTestInboundLoop } from '../helpers/startTestInboundLoop'
import { startWebListener } from '../helpers/startWebListener'
import { waitFor } from '../helpers/waitFor'

const METRICS_TOKEN = 'seed-003-metrics-token-0123456789'
const SOURCE_SECRET = 'seed-003-source-secret'

let payload: Payload
let web: Awaited<ReturnType<typeof startWebListener>>
let hub: { url: string; close(): Promise<void> }
let comfy: FakeComfyDeploy
let okReceiver: Receiver
let failingReceiver: Receiver
let inboundLoop: WorkerLoop
let deliveryLoop: WorkerLoop
let operatorKey: string
let viewerKey: string

beforeAll(async () => {
  comfy = await startFakeComfyDeploy({ apiKey: 'comfy-key' })
  process.env.COMFYDEPLOY_API_KEY = 'comfy-key'
  process.env.COMFYDEPLOY_BASE_URL = comfy.url
  payload = await bootHub()
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  viewerKey = (await createTestUser(payload, 'viewer')).apiKey
  web = await startWebListener()
  hub = await startHubInboundServer(hubPort)
  okReceiver = await startReceiver()
  failingReceiver = await startReceiver((_request, response) => {
    response.writeHead(500).end('down')
  })
  inboundLoop = startTestInboundLoop(payload)
  deliveryLoop = startTestDeliveryLoop(payload)
})

afterAll(async () => {
  await Promise.all([inboundLoop.drain(), deliveryLoop.drain()])
  await Promise.all([
    web.close(),
    hub.close(),
    comfy.close(),
    okReceiver.close(),
    failingReceiver.close(),
  ])
})

async function createSource(slug: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'inbound-sources',
    overrideAccess: true,
    data: { slug, name: slug, scheme: 'hmac-sha256-hex', secret: SOURCE_SECRET, ...extra },
  })
}

/**
 * The seed's request, `POST /webhook/{provider}/{jobId}` with a JSON body: with its
 * `Authorization: Bearer {token}` when given one, else signed as an HMAC source expects.
 */
function postCallback(
  path: string,
  body: string,
  options: { from?: string; bearer?: string } = {},
) {
  const auth = options.bearer
    ? `Authorization: Bearer ${options.bearer}`
    : `x-webhook-signature: ${createHmac('sha256', SOURCE_SECRET).update(body).digest('hex')}`
  return sendRawHttp(
    web.port,
    [`POST ${path} HTTP/1.1`, 'Host: hub.test', 'Content-Type: application/json', auth].join(
      '\r\n',
    ),
    body,
    { localAddress: options.from ?? '127.0.0.1' },
  )
}

/** The seed's generic JobStateUpdate, as its handlers produced it. */
function jobStateUpdate(externalJobId: string, status: 'processing' | 'completed' | 'failed') {
  return JSON.stringify({
    job_id: externalJobId,
    external_job_id: externalJobId,
    status,
    progress: status === 'completed' ? 100 : 40,
    result: status === 'completed' ? { image_url: 'https://cdn.example.com/out.png' } : undefined,
    provider: 'openai',
    updated_at: Date.now(),
    source: 'webhook',
  })
}

async function logsOf(source: string) {
  const found = await payload.find({
    collection: 'webhook-logs',
    where: { source: { equals: source } },
    sort: 'id',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs
}

async function scrape(
  headers: Record<string, string> = { authorization: `Bearer ${METRICS_TOKEN}` },
) {
  const response = await metricsRoute(new Request('http://hub.test/api/v1/metrics', { headers }))
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  }
}

/** The value of one series, matched by every label given; 0 when absent. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue
    const matches = Object.entries(labels).every(([key, value]) =>
      line.includes(`${key}="${value}"`),
    )
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1))
  }
  return 0
}

describe("seed 003's callback request", () => {
  it('is answered {received: true} on /api/v1/webhooks/{provider}/{jobId} with its bearer token, and drives the job', async () => {
    await createSource('seed-bearer', { scheme: 'bearer-token', secret: 'seed-003-bearer-token' })
    const update = jobStateUpdate('resp_bearer_1', 'completed')
    const answer = await postCallback('/api/v1/webhooks/seed-bearer/job123', update, {
      bearer: 'seed-003-bearer-token',
    })
    expect(answer).toMatchObject({ answered: true, status: 200, body: { received: true } })
    const job = await waitFor(
      () =>
        payload.find({
          collection: 'jobs',
          where: { external_id: { equals: 'resp_bearer_1' } },
          overrideAccess: true,
        }),
      (found) => found.docs[0]?.status === 'completed',
      { what: 'the job completed by the callback' },
    )
    expect(job.docs[0]).toMatchObject({ provider: 'seed-bearer', progress: 100 })
    const wrong = await postCallback('/api/v1/webhooks/seed-bearer/job123', update, {
      bearer: 'not-the-token',
    })
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } })
    const [stored] = await logsOf('seed-bearer')
    expect(JSON.stringify(stored!.headers)).not.toContain('seed-003-bearer-token')
  })

  it('is answered the same for an HMAC-signed source, the other way seed 003 lists', async () => {
    await createSource('seed-ingest')
    const answer = await postCallback(
      '/api/v1/webhooks/seed-ingest/job123',
      jobStateUpdate('resp_seed_1', 'completed'),
    )
    expect(answer).toMatchObject({ answered: true, status: 200, body: { received: true } })
  })
})

describe('per-source rate limit', () => {
  it('answers 429 rate_limited with Retry-After, and a retried callback is stored once', async () => {
    const source = await createSource('seed-limited', {
      rate_limit_per_minute: 1,
      rate_limit_burst: 2,
    })
    const path = '/api/v1/webhooks/seed-limited'
    for (const id of ['lim_1', 'lim_2']) {
      expect(await postCallback(path, jobStateUpdate(id, 'processing'))).toMatchObject({
        status: 200,
      })
    }
    const third = jobStateUpdate('lim_3', 'processing')
    const refused = await postCallback(path, third)
    expect(refused).toMatchObject({
      answered: true,
      status: 429,
      body: { error: { code: 'rate_limited' } },
    })
    const retryAfter = Number(
      (refused as { headers: Record<string, string> }).headers['retry-after'],
    )
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)

    // The operator raises the limit; the provider retries the refused callback, then retries it again.
    await payload.update({
      collection: 'inbound-sources',
      id: source.id,
      data: { rate_limit_per_minute: 600, rate_limit_burst: 10 },
      overrideAccess: true,
    })
    const retried = await postCallback(path, third)
    expect(retried).toMatchObject({ status: 200, body: { received: true, duplicate: false } })
    const again = await postCallback(path, third)
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } })

    const logs = await logsOf('seed-limited')
    const forThird = logs.filter((log) => log.external_job_id === 'lim_3')
    expect(forThird.filter((log) => log.verified && log.status !== 'duplicate')).toHaveLength(1)
    const rejected = logs.filter((log) => log.status === 'rejected')
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.rejection_reason).toMatch(/^rate_limited: /)
  })

  it('applies INBOUND_RATE_LIMIT_* and a source’s own limit, read from the environment schema', () => {
    const parsed = envSchema.parse({ INBOUND_RATE_LIMIT_PER_MINUTE: '120' })
    expect(parsed.INBOUND_RATE_LIMIT_PER_MINUTE).toBe(120)
    expect(envSchema.parse({}).INBOUND_RATE_LIMIT_PER_MINUTE).toBe(0)
  })
})

describe('IP allowlist', () => {
  it('refuses a caller outside a source’s CIDRs with 403 ip_not_allowed and logs it as rejected', async () => {
    await createSource('seed-allowlisted', { allowed_ips: '127.0.0.2, 10.0.0.0/8' })
    const path = '/api/v1/webhooks/seed-allowlisted'
    const stranger = await postCallback(path, jobStateUpdate('ip_1', 'processing'), {
      from: '127.0.0.1',
    })
    expect(stranger).toMatchObject({ status: 403, body: { error: { code: 'ip_not_allowed' } } })
    const allowed = await postCallback(path, jobStateUpdate('ip_2', 'processing'), {
      from: '127.0.0.2',
    })
    expect(allowed).toMatchObject({ status: 200, body: { received: true } })
    const logs = await logsOf('seed-allowlisted')
    expect(logs.map((log) => [log.status, log.source_ip])).toEqual(
      [
        ['rejected', '127.0.0.1'],
        ['received', '127.0.0.2'],
      ].map(([status, ip]) => [
        expect.stringMatching(status === 'received' ? /received|processing|processed/ : /rejected/),
        ip,
      ]),
    )
    expect(logs[0]!.rejection_reason).toMatch(/^ip_not_allowed: 127\.0\.0\.1 may not call/)
  })

  it('refuses where the caller’s address is unknown (the App Router shows no socket)', async () => {
    const answer = await postInbound('seed-allowlisted', jobStateUpdate('ip_3', 'processing'))
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'ip_not_allowed' } } })
  })

  it('applies INBOUND_ALLOWED_IPS_<PROVIDER> to a built-in provider before its signature', async () => {
    const answer = await postCallback('/api/v1/webhooks/lastframe', '{}')
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'ip_not_allowed' } } })
  })

  it('is validated at save with a 400 naming the bad entry, and nothing is saved', async () => {
    const adminKey = (await createTestUser(payload, 'admin')).apiKey
    const answer = await callPayloadRest('POST', 'inbound-sources', {
      apiKey: adminKey,
      body: {
        slug: 'seed-bad-ips',
        name: 'bad',
        scheme: 'hmac-sha256-hex',
        secret: SOURCE_SECRET,
        allowed_ips: '10.0.0.0/8, 10.0.0.0/33',
      },
    })
    expect(answer.status).toBe(400)
    const issues = answer.body.errors.flatMap(
      (error: { data?: { errors?: { path: string; message: string }[] } }) =>
        error.data?.errors ?? [],
    )
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'allowed_ips',
        message: expect.stringContaining('"10.0.0.0/33"'),
      }),
    ])
    const saved = await payload.count({
      collection: 'inbound-sources',
      where: { slug: { equals: 'seed-bad-ips' } },
      overrideAccess: true,
    })
    expect(saved.totalDocs).toBe(0)
    const env = envSchema.safeParse({ INBOUND_ALLOWED_IPS_FAL: 'fal.example.com' })
    expect(env.success).toBe(false)
    expect(env.error!.issues[0]!.message).toContain('fal.example.com')
  })
})

describe('GET /api/v1/metrics', () => {
  it('answers 401 without credentials or with a wrong token, 403 to a viewer', async () => {
    expect((await scrape({})).status).toBe(401)
    expect((await scrape({ authorization: 'Bearer not-the-metrics-token' })).status).toBe(401)
    expect((await scrape({ authorization: `Bearer ${viewerKey}` })).status).toBe(403)
  })

  it('serves Prometheus text to METRICS_TOKEN and to an operator key', async () => {
    const byToken = await scrape()
    expect(byToken.status).toBe(200)
    expect(byToken.type).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(byToken.text).toContain('# TYPE webhook_hub_job_state_update_seconds histogram')
    expect((await scrape({ authorization: `Bearer ${operatorKey}` })).status).toBe(200)
  })

  it('counts deliveries per subscription and event type, callbacks per provider and the state-update latency', async () => {
    const ok = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: {
        name: 'ok',
        url: `${okReceiver.url}/hook`,
        event_types: ['job.completed'],
        secret: generateWebhookSecret(),
      },
    })
    const failing = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: {
        name: 'down',
        url: `${failingReceiver.url}/hook`,
        event_types: ['job.completed'],
        secret: generateWebhookSecret(),
      },
    })
    const before = (await scrape()).text
    const latencyBefore = valueOf(before, 'webhook_hub_job_state_update_seconds_count', {
      provider: 'seed-ingest',
    })

    const answer = await postCallback(
      '/api/v1/webhooks/seed-ingest/job124',
      jobStateUpdate('resp_seed_2', 'completed'),
    )
    expect(answer).toMatchObject({ status: 200 })
    await okReceiver.waitForRequests(1)
    await failingReceiver.waitForRequests(1)

    const okLabels = { subscription_id: String(ok.id), event_type: 'job.completed' }
    const downLabels = { subscription_id: String(failing.id), event_type: 'job.completed' }
    const after = await waitFor(
      async () => (await scrape()).text,
      (text) =>
        valueOf(text, 'webhook_hub_delivery_attempts_total', {
          ...okLabels,
          outcome: 'success',
        }) === 1 &&
        valueOf(text, 'webhook_hub_delivery_attempts_total', {
          ...downLabels,
          outcome: 'failure',
        }) >= 1,
      { what: 'the two deliveries recorded' },
    )
    expect(
      valueOf(after, 'webhook_hub_delivery_attempts_total', { ...okLabels, outcome: 'failure' }),
    ).toBe(0)
    expect(
      valueOf(after, 'webhook_hub_delivery_attempts_total', { ...downLabels, outcome: 'success' }),
    ).toBe(0)
    expect(
      valueOf(after, 'webhook_hub_job_state_update_seconds_count', { provider: 'seed-ingest' }),
    ).toBe(latencyBefore + 1)
    expect(
      valueOf(after, 'webhook_hub_job_state_update_seconds_bucket', {
        provider: 'seed-ingest',
        le: '+Inf',
      }),
    ).toBe(latencyBefore + 1)
    expect(
      valueOf(after, 'webhook_hub_inbound_callbacks_total', {
        provider: 'seed-ingest',
        verdict: 'accepted',
      }),
    ).toBe(2)
    expect(
      valueOf(after, 'webhook_hub_inbound_callbacks_total', {
        provider: 'seed-limited',
        verdict: 'rejected',
        reason: 'rate_limited',
      }),
    ).toBe(1)
    expect(
      valueOf(after, 'webhook_hub_inbound_callbacks_total', {
        provider: 'seed-allowlisted',
        verdict: 'rejected',
        reason: 'ip_not_allowed',
      }),
    ).toBe(2)
    expect(
      valueOf(after, 'webhook_hub_inbound_callbacks_total', {
        provider: 'lastframe',
        verdict: 'rejected',
        reason: 'ip_not_allowed',
      }),
    ).toBe(1)
    // The failing delivery waits for its retry.
    expect(
      valueOf(after, 'webhook_hub_queue_depth', { queue: 'deliveries' }),
    ).toBeGreaterThanOrEqual(1)
  })

  it('counts callbacks to names that are no source as provider "unknown", never as a label of their own', async () => {
    await postCallback('/api/v1/webhooks/no-such-source-xyz', '{}')
    const { text } = await scrape()
    expect(text).not.toContain('no-such-source-xyz')
    expect(
      valueOf(text, 'webhook_hub_inbound_callbacks_total', {
        provider: 'unknown',
        reason: 'unknown_provider',
      }),
    ).toBeGreaterThanOrEqual(1)
  })

  it('counts orphan detections and recoveries from the poller', async () => {
    const submitted = await callRoute(submitJobRoute, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify({ provider: 'comfydeploy', endpoint: 'dep_1', input: {} }),
    })
    expect(submitted.status).toBe(201)
    const job = submitted.body.data
    comfy.runs.get(job.external_id)!.webhook = null
    const poll = (aheadMs: number) =>
      pollOrphanedJobs(payload, {
        orphanAfterMs: 1_000,
        intervalMs: 1_000,
        batchSize: 10,
        maxBackoffMs: 60_000,
        context: { ...createProviderContext(), now: () => new Date(Date.now() + aheadMs) },
      })
    await poll(5_000) // quiet, and the provider has nothing new: detected, backed off
    await comfy.advance(job.external_id, { status: 'success', progress: 1, outputs: [] })
    await poll(600_000) // the backed-off poll finds it finished: recovered
    const { text } = await scrape()
    expect(
      valueOf(text, 'webhook_hub_orphan_jobs_detected_total', { provider: 'comfydeploy' }),
    ).toBe(1)
    expect(
      valueOf(text, 'webhook_hub_orphan_jobs_recovered_total', { provider: 'comfydeploy' }),
    ).toBe(1)
  })

  it("reports each worker's heartbeat and how many are alive", async () => {
    const heartbeat = await startWorkerHeartbeat(payload, {
      workerId: 'seed-003-worker',
      intervalMs: 60_000,
      readInFlight: () => 0,
    })
    try {
      const { text } = await scrape()
      expect(
        valueOf(text, 'webhook_hub_worker_last_heartbeat_timestamp_seconds', {
          worker_id: 'seed-003-worker',
          state: 'running',
        }),
      ).toBeGreaterThan(Date.now() / 1000 - 600)
      expect(valueOf(text, 'webhook_hub_workers_alive')).toBeGreaterThanOrEqual(1)
    } finally {
      await heartbeat.stop()
    }
  })
})
