import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// A port nothing listens on, rather than a random guess that may be taken; chosen before the imports
// read the environment.
const hubPort = await vi.hoisted(async () => {
  const { findFreePort } = await import('@/lib/process/findFreePort')
  const port = await findFreePort()
  process.env.WEBHOOK_BASE_URL = `http://127.0.0.1:${port}`
  return port
})

import { POST as submitJobRoute } from '@/app/api/v1/jobs/route'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { pollOrphanedJobs } from '@/lib/jobs/orphanPollerLoop'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startFakeFal, type FakeFal } from '../../fakes/startFakeFal'
import { startReceiver, type Receiver } from '../../fakes/startReceiver'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'
import { startHubInboundServer } from '../../helpers/startHubInboundServer'
import { startTestDeliveryLoop } from '../../helpers/startTestDeliveryLoop'
import { startTestInboundLoop } from '../../helpers/startTestInboundLoop'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload
let operatorKey: string
let fal: FakeFal
let receiver: Receiver
let hub: { url: string; close(): Promise<void> }
const loops: WorkerLoop[] = []

beforeAll(async () => {
  fal = await startFakeFal()
  process.env.FAL_KEY = fal.apiKey
  process.env.FAL_QUEUE_URL = fal.url
  process.env.FAL_JWKS_URL = fal.jwksUrl
  payload = await bootHub()
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  receiver = await startReceiver()
  await payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: {
      name: 'jobs',
      url: receiver.url,
      event_types: ['job.*'],
      secret: 'whsec_ZmFsLXRlc3QtZmFsLXRlc3Q=',
    },
  })
  hub = await startHubInboundServer(hubPort)
  loops.push(startTestInboundLoop(payload), startTestDeliveryLoop(payload))
})

afterAll(async () => {
  for (const loop of loops) await loop.drain()
  await Promise.all([fal.close(), receiver.close(), hub.close()])
})

async function submit(prompt: string) {
  const response = await callRoute(submitJobRoute, '/api/v1/jobs', {
    method: 'POST',
    apiKey: operatorKey,
    body: JSON.stringify({
      provider: 'fal',
      endpoint: 'fal-ai/flux/dev',
      input: { prompt },
      job_type: 'image',
    }),
  })
  expect(response.status).toBe(201)
  return response.body.data as {
    id: string
    external_id: string
    webhook_url: string
    status: string
  }
}

function eventsFor(jobId: string, eventType: string) {
  return receiver.requests
    .map((request) => JSON.parse(request.body))
    .filter((body) => body.event_type === eventType && body.data.job_id === jobId)
}

describe('fal end to end', () => {
  it('submits through @fal-ai/client with our callback URL, and the signed callback completes the job', async () => {
    const job = await submit('a lighthouse')
    expect(job.status).toBe('queued')
    expect(job.webhook_url).toBe(`${hub.url}/api/v1/webhooks/fal/${job.id}`)
    expect(fal.requests.get(job.external_id)?.webhookUrl).toBe(job.webhook_url)

    fal.completeRequest(job.external_id, {
      images: [{ url: 'https://cdn.example.com/lighthouse.png' }],
      seed: 42,
    })
    const answer = await fal.deliverWebhook(job.external_id)
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ received: true, duplicate: false })

    const completed = await waitFor(
      () => payload.findByID({ collection: 'jobs', id: job.id, overrideAccess: true }),
      (doc) => doc.status === 'completed',
    )
    expect(completed.result).toMatchObject({
      images: [{ url: 'https://cdn.example.com/lighthouse.png' }],
    })
    expect(completed.last_update_source).toBe('webhook')
    await waitFor(
      async () => eventsFor(job.id, 'job.completed'),
      (events) => events.length === 1,
    )
    expect(eventsFor(job.id, 'job.submitted')).toHaveLength(1)

    const repeat = await fal.deliverWebhook(job.external_id)
    expect(repeat.json).toMatchObject({ duplicate: true })
  })

  it('completes a job whose callback never comes through the orphan poller', async () => {
    const job = await submit('a quiet harbour')
    fal.completeRequest(job.external_id, {
      images: [{ url: 'https://cdn.example.com/harbour.png' }],
    })
    const options = {
      orphanAfterMs: 1_000,
      intervalMs: 1_000,
      batchSize: 10,
      maxBackoffMs: 60_000,
      context: { ...createProviderContext(), now: () => new Date(Date.now() + 5_000) },
    }
    expect(await pollOrphanedJobs(payload, options)).toBeGreaterThanOrEqual(1)
    const completed = await payload.findByID({
      collection: 'jobs',
      id: job.id,
      overrideAccess: true,
    })
    expect(completed).toMatchObject({ status: 'completed', last_update_source: 'poll' })
    await waitFor(
      async () => eventsFor(job.id, 'job.completed'),
      (events) => events.length === 1,
    )
  })

  it('backs a job off when a poll learns nothing new', async () => {
    const job = await submit('still running')
    const now = Date.now() + 5_000
    const options = {
      orphanAfterMs: 1_000,
      intervalMs: 1_000,
      batchSize: 10,
      maxBackoffMs: 60_000,
      context: { ...createProviderContext(), now: () => new Date(now) },
    }
    await pollOrphanedJobs(payload, options)
    const polled = await payload.findByID({ collection: 'jobs', id: job.id, overrideAccess: true })
    expect(polled.status).toBe('queued')
    expect(polled.poll_attempts).toBe(1)
    expect(Date.parse(polled.next_poll_at!)).toBe(now + 2_000)
    await pollOrphanedJobs(payload, options)
    const notAgain = await payload.findByID({
      collection: 'jobs',
      id: job.id,
      overrideAccess: true,
    })
    expect(notAgain.poll_attempts).toBe(1)
  })

  it('refuses a fal callback signed by a key outside the JWKS, and a tampered one', async () => {
    const job = await submit('forged')
    const forged = await fal.sendWebhook(
      `${hub.url}/api/v1/webhooks/fal/${job.id}`,
      { request_id: job.external_id, status: 'OK', payload: {} },
      {
        requestId: job.external_id,
        tamper: true,
      },
    )
    expect(forged.status).toBe(401)
    expect(forged.json).toMatchObject({ error: { code: 'invalid_signature' } })
  })
})
