import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// A port nothing listens on, rather than a random guess that may be taken; chosen before the imports
// read the environment.
const hubPort = await vi.hoisted(async () => {
  const { findFreePort } = await import('@/lib/process/findFreePort')
  const port = await findFreePort()
  process.env.WEBHOOK_BASE_URL = `http://127.0.0.1:${port}`
  process.env.OPENAI_WEBHOOK_SECRET = 'whsec_b3BlbmFpLXRlc3Qtc2VjcmV0LWtleQ=='
  process.env.REPLICATE_WEBHOOK_SECRET = 'whsec_cmVwbGljYXRlLXRlc3Qtc2VjcmV0LWtleQ=='
  return port
})

import { POST as submitJobRoute } from '@/app/api/v1/jobs/route'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { pollOrphanedJobs } from '@/lib/jobs/orphanPollerLoop'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startFakeOpenAI } from '../../fakes/startFakeOpenAI'
import { startFakeReplicate } from '../../fakes/startFakeReplicate'
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
let openai: Awaited<ReturnType<typeof startFakeOpenAI>>
let replicate: Awaited<ReturnType<typeof startFakeReplicate>>
let receiver: Receiver
let hub: { url: string; close(): Promise<void> }
const loops: WorkerLoop[] = []

beforeAll(async () => {
  openai = await startFakeOpenAI()
  replicate = await startFakeReplicate({ webhookSecret: process.env.REPLICATE_WEBHOOK_SECRET! })
  process.env.OPENAI_API_KEY = 'sk-test'
  process.env.OPENAI_BASE_URL = `${openai.url}/v1`
  process.env.REPLICATE_API_TOKEN = 'r8_test'
  process.env.REPLICATE_BASE_URL = `${replicate.url}/v1`
  payload = await bootHub()
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  receiver = await startReceiver()
  await payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: {
      name: 'jobs',
      url: receiver.url,
      event_types: ['job.completed'],
      secret: 'whsec_b2FpLXJlcC10ZXN0LXNlY3JldA==',
    },
  })
  hub = await startHubInboundServer(hubPort)
  loops.push(startTestInboundLoop(payload), startTestDeliveryLoop(payload))
})

afterAll(async () => {
  for (const loop of loops) await loop.drain()
  await Promise.all([openai.close(), replicate.close(), receiver.close(), hub.close()])
})

async function submit(provider: string, endpoint: string, input: Record<string, unknown>) {
  const response = await callRoute(submitJobRoute, '/x', {
    method: 'POST',
    apiKey: operatorKey,
    body: JSON.stringify({ provider, endpoint, input }),
  })
  expect(response.status).toBe(201)
  return response.body.data as { id: string; external_id: string; webhook_url: string }
}

const readJob = (id: string) => payload.findByID({ collection: 'jobs', id, overrideAccess: true })

function completedEventFor(jobId: string) {
  return receiver.requests
    .map((request) => JSON.parse(request.body))
    .filter((body) => body.event_type === 'job.completed' && body.data.job_id === jobId)
}

describe('OpenAI end to end', () => {
  it('starts a background response and completes the job from the signed response.completed event', async () => {
    const job = await submit('openai', 'gpt-4.1-mini', { input: 'Write a haiku' })
    expect(job.external_id).toMatch(/^resp_/)
    openai.completeResponse(job.external_id, 'An old silent pond')
    const answer = await openai.sendWebhook(`${hub.url}/api/v1/webhooks/openai`, {
      type: 'response.completed',
      responseId: job.external_id,
      secret: process.env.OPENAI_WEBHOOK_SECRET!,
    })
    expect(answer.status).toBe(200)
    const completed = await waitFor(
      () => readJob(job.id),
      (doc) => doc.status === 'completed',
    )
    expect(JSON.stringify(completed.result)).toContain('An old silent pond')
    await waitFor(
      async () => completedEventFor(job.id),
      (events) => events.length === 1,
    )
  })

  it('completes a background response whose event never comes, through the poller', async () => {
    const job = await submit('openai', 'gpt-4.1-mini', { input: 'Quiet' })
    openai.completeResponse(job.external_id, 'polled answer')
    await pollOrphanedJobs(payload, {
      orphanAfterMs: 1_000,
      intervalMs: 1_000,
      batchSize: 10,
      maxBackoffMs: 60_000,
      context: { ...createProviderContext(), now: () => new Date(Date.now() + 5_000) },
    })
    expect(await readJob(job.id)).toMatchObject({ status: 'completed', last_update_source: 'poll' })
  })
})

describe('Replicate end to end', () => {
  it('creates a prediction with our webhook, and signed start/completed callbacks drive the job', async () => {
    const job = await submit('replicate', 'owner/model', { prompt: 'a fox' })
    const prediction = replicate.predictions.get(job.external_id)!
    expect(prediction.webhook).toBe(job.webhook_url)
    await replicate.advance(job.external_id, 'processing', { logs: 'step 1\n42%' })
    await waitFor(
      () => readJob(job.id),
      (doc) => doc.status === 'processing',
    )
    const done = await replicate.advance(job.external_id, 'succeeded', {
      output: ['https://cdn.example.com/fox.png'],
    })
    expect(done?.status).toBe(200)
    const completed = await waitFor(
      () => readJob(job.id),
      (doc) => doc.status === 'completed',
    )
    expect(completed.result).toEqual(['https://cdn.example.com/fox.png'])
    await waitFor(
      async () => completedEventFor(job.id),
      (events) => events.length === 1,
    )
  })

  it('completes a prediction whose callback never comes, through the poller', async () => {
    const job = await submit('replicate', 'owner/model', { prompt: 'quiet fox' })
    replicate.predictions.get(job.external_id)!.webhook = null
    await replicate.advance(job.external_id, 'succeeded', { output: ['x'] })
    await pollOrphanedJobs(payload, {
      orphanAfterMs: 1_000,
      intervalMs: 1_000,
      batchSize: 10,
      maxBackoffMs: 60_000,
      context: { ...createProviderContext(), now: () => new Date(Date.now() + 5_000) },
    })
    expect(await readJob(job.id)).toMatchObject({ status: 'completed', last_update_source: 'poll' })
  })
})
