// Seed 000 (webhook registry and router) as a conformance test: its README's own calls, unchanged after
// the one line that creates the system, over the hub's handler registry and receive pipeline.
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const hubPort = await vi.hoisted(async () => {
  const { findFreePort } = await import('@/lib/process/findFreePort')
  const port = await findFreePort()
  process.env.WEBHOOK_BASE_URL = `http://127.0.0.1:${port}`
  process.env.LASTFRAME_WEBHOOK_SECRET = 'seed-000-lastframe-secret'
  return port
})

import type { InboundEvent } from '@/lib/inbound/handlerRegistry'
import { createWebhookSystem, type WebhookPayload } from '@/lib/inbound/webhookController'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { bootHub } from '../helpers/bootHub'
import { startHubInboundServer } from '../helpers/startHubInboundServer'
import { startTestInboundLoop } from '../helpers/startTestInboundLoop'
import { waitFor } from '../helpers/waitFor'

let payload: Payload
let hub: { url: string; close(): Promise<void> }
let loop: WorkerLoop
const cleanups: Array<() => unknown> = []

beforeAll(async () => {
  payload = await bootHub()
  hub = await startHubInboundServer(hubPort)
  loop = startTestInboundLoop(payload)
})

afterAll(async () => {
  for (const cleanup of cleanups) cleanup()
  await loop.drain()
  await hub.close()
})

function signedLastFrame(body: string) {
  return {
    'content-type': 'application/json',
    'x-lastframe-signature': createHmac('sha256', 'seed-000-lastframe-secret')
      .update(body)
      .digest('hex'),
  }
}

function record(webhookSystem: ReturnType<typeof createWebhookSystem>) {
  const events: Array<{ name: string } & InboundEvent> = []
  for (const name of ['webhook:received', 'webhook:completed', 'webhook:error'] as const) {
    cleanups.push(webhookSystem.controller.on(name, (data) => events.push({ name, ...data })))
  }
  return events
}

describe("seed 000's README", () => {
  it('registers a handler and an adapter, routes a webhook to it, and emits webhook:* events', async () => {
    // The one change: seed 000 builds the three with `new`; the hub's createWebhookSystem gives them.
    const webhookSystem = createWebhookSystem({ payload })
    const { registry, router, controller } = webhookSystem
    const events = record(webhookSystem)

    // From here on, the README's code as written (its event listener kept to stop it afterwards).
    const stopLogging = webhookSystem.controller.on('webhook:completed', (data) => {
      console.log('Webhook processed:', data)
    })
    registry.registerHandler({
      service: 'comfydeploy',
      canHandle: (payload) => Boolean(payload.run_id),
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the seed's placeholder handler
      processWebhook: async (payload) => {
        // Process webhook
        return { success: true }
      },
    })
    router.registerAdapter({
      platform: 'web',
      parseWebhook: async (webhook) => {
        // Parse platform-specific webhook format
        return webhook
      },
    })
    const result = await router.routeWebhook({
      platform: 'web',
      service: 'comfydeploy',
      payload: { run_id: '123', status: 'completed' },
    })
    const processed = await controller.processWebhook({
      platform: 'web',
      service: 'comfydeploy',
      payload: { run_id: '123', status: 'completed' },
    })

    expect(result).toMatchObject({
      success: true,
      service: 'comfydeploy',
      handlers: ['comfydeploy-handler'],
    })
    expect(processed.success).toBe(true)
    expect(events.map((event) => event.name)).toEqual([
      'webhook:received',
      'webhook:completed',
      'webhook:received',
      'webhook:completed',
    ])
    expect(events[0]).toMatchObject({ logId: result.runId, provider: 'comfydeploy' })
    const skipped = await router.routeWebhook({ service: 'comfydeploy', payload: { id: 'x' } })
    expect(skipped.handlers).toEqual([])
    stopLogging()
  })

  it('runs handlers in priority order and reports the one that fails', async () => {
    const webhookSystem = createWebhookSystem({ payload })
    const events = record(webhookSystem)
    const order: string[] = []
    for (const [name, priority, fails] of [
      ['audit', 300, false],
      ['charge', 20, true],
      ['notify', 5, false],
    ] as const) {
      cleanups.push(
        webhookSystem.registry.registerHandler({
          name,
          service: 'payments',
          priority,
          canHandle: (payload: WebhookPayload) => payload.type === 'charge.succeeded',
          processWebhook: async () => {
            order.push(name)
            if (fails) throw new Error('ledger unavailable')
          },
        }),
      )
    }
    const result = await webhookSystem.processWebhook({
      service: 'payments',
      payload: { type: 'charge.succeeded' },
    })
    expect(order).toEqual(['audit', 'charge'])
    expect(result).toMatchObject({
      success: false,
      handlers: ['audit', 'charge'],
      error: 'ledger unavailable',
    })
    expect(events.at(-1)).toMatchObject({ name: 'webhook:error', error: 'ledger unavailable' })
  })

  it("names the service through the platform adapter (createWebhookSystem's example)", async () => {
    const seen: unknown[] = []
    const webhookSystem = createWebhookSystem({
      payload,
      handlers: [
        {
          service: 'comfydeploy',
          name: 'tasks',
          canHandle: (payload) => payload.run_id === 'run-adapter',
          processWebhook: async (payload) => seen.push(payload),
        },
      ],
      adapters: [
        {
          platform: 'web',
          parseWebhook: (webhook) => ({
            ...webhook,
            service: webhook.payload.run_id ? 'comfydeploy' : undefined,
          }),
        },
      ],
    })
    const req = { body: { run_id: 'run-adapter', status: 'running' } }
    const result = await webhookSystem.processWebhook({
      platform: 'web',
      payload: req.body,
    })
    expect(result).toMatchObject({ success: true, service: 'comfydeploy' })
    expect(result.handlers).toContain('tasks')
    expect(seen).toEqual([req.body])
    const unnamed = await webhookSystem.processWebhook({ platform: 'other', payload: {} })
    expect(unnamed).toMatchObject({ success: false, service: null })
  })

  it("runs a provider's payload through the job-state and media handlers before the seed's", async () => {
    const { controller } = createWebhookSystem({ payload })
    const result = await controller.processWebhook({
      service: 'lastframe',
      payload: {
        job_id: 'lf_seed000',
        status: 'completed',
        result: { output_url: 'https://cdn.example.com/seed000.mp4', duration: 3 },
        metadata: { project_id: 'proj_seed000' },
      },
    })
    expect(result).toMatchObject({ success: true, handlers: ['job-state', 'media'] })
    const job = await payload.findByID({
      collection: 'jobs',
      id: result.jobId!,
      overrideAccess: true,
    })
    expect(job).toMatchObject({ external_id: 'lf_seed000', status: 'completed' })
    const media = await payload.find({
      collection: 'media',
      where: { job: { equals: job.id } },
      overrideAccess: true,
    })
    expect(media.docs).toMatchObject([
      { url: 'https://cdn.example.com/seed000.mp4', project_id: 'proj_seed000' },
    ])
  })
})

describe('seed 000 handlers on real callbacks', () => {
  it('a registered handler runs in the worker on each verified callback, after the job is updated', async () => {
    const webhookSystem = createWebhookSystem({ payload })
    const events = record(webhookSystem)
    const calls: Array<{ body: unknown; jobStatus: string | undefined }> = []
    cleanups.push(
      webhookSystem.registry.registerHandler({
        service: 'lastframe',
        canHandle: (payload) => payload.service === 'seed-000',
        processWebhook: async (payload, context) => {
          calls.push({ body: payload, jobStatus: context.job?.status })
        },
      }),
    )
    const body = JSON.stringify({ job_id: 'lf_worker', status: 'processing', service: 'seed-000' })
    const response = await fetch(`${hub.url}/api/v1/webhooks/lastframe`, {
      method: 'POST',
      headers: signedLastFrame(body),
      body,
    })
    expect(response.status).toBe(200)
    const { id } = (await response.json()) as { id: string }
    await waitFor(
      async () => calls.length,
      (count) => count > 0,
    )
    expect(calls).toEqual([{ body: JSON.parse(body), jobStatus: 'processing' }])
    await waitFor(
      async () => events,
      (seen) => seen.some((event) => event.name === 'webhook:completed' && event.logId === id),
    )
  })

  it('createMiddleware is the signed callback route for the service it names', async () => {
    const { controller } = createWebhookSystem({ payload })
    const middleware = controller.createMiddleware({
      platform: 'web',
      getService: (req) => new URL(req.url).pathname.split('/').pop()!,
    })
    const body = JSON.stringify({ job_id: 'lf_middleware', status: 'queued' })
    const accepted = await middleware(
      new Request('http://hub.test/webhooks/lastframe', {
        method: 'POST',
        headers: signedLastFrame(body),
        body,
      }),
    )
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toMatchObject({ received: true, duplicate: false })
    const refused = await middleware(
      new Request('http://hub.test/webhooks/lastframe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lastframe-signature': 'ab'.repeat(32) },
        body,
      }),
    )
    expect(refused.status).toBe(401)
  })
})
