import { createHmac } from 'node:crypto'

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
import { startFakeComfyDeploy, type FakeComfyDeploy } from '../../fakes/startFakeComfyDeploy'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'
import { postInbound } from '../../helpers/postInbound'
import { startHubInboundServer } from '../../helpers/startHubInboundServer'
import { startTestInboundLoop } from '../../helpers/startTestInboundLoop'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload
let operatorKey: string
let comfy: FakeComfyDeploy
let hub: { url: string; close(): Promise<void> }
let loop: WorkerLoop

beforeAll(async () => {
  comfy = await startFakeComfyDeploy({ apiKey: 'comfy-key' })
  process.env.COMFYDEPLOY_API_KEY = 'comfy-key'
  process.env.COMFYDEPLOY_BASE_URL = comfy.url
  payload = await bootHub()
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  hub = await startHubInboundServer(hubPort)
  loop = startTestInboundLoop(payload)
})

afterAll(async () => {
  await loop.drain()
  await Promise.all([comfy.close(), hub.close()])
})

const readJob = (id: string) => payload.findByID({ collection: 'jobs', id, overrideAccess: true })

describe('ComfyDeploy end to end', () => {
  it('queues a run with a tokened callback URL; progress and success callbacks drive the job', async () => {
    const submitted = await callRoute(submitJobRoute, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify({
        provider: 'comfydeploy',
        endpoint: 'dep_123',
        input: { prompt: 'x' },
      }),
    })
    expect(submitted.status).toBe(201)
    const job = submitted.body.data
    const run = comfy.runs.get(job.external_id)!
    expect(run.webhook).toMatch(
      new RegExp(`/api/v1/webhooks/comfydeploy/${job.id}\\?token=[0-9a-f]{32}$`),
    )

    const progress = await comfy.advance(job.external_id, { status: 'running', progress: 0.5 })
    expect(progress?.status).toBe(200)
    await waitFor(
      () => readJob(job.id),
      (doc) => doc.status === 'processing' && doc.progress === 50,
    )
    const done = await comfy.advance(job.external_id, {
      status: 'success',
      progress: 1,
      outputs: [
        { data: { images: [{ url: 'https://cdn.example.com/c.png', filename: 'c.png' }] } },
      ],
    })
    expect(done?.status).toBe(200)
    const completed = await waitFor(
      () => readJob(job.id),
      (doc) => doc.status === 'completed',
    )
    expect(JSON.stringify(completed.result)).toContain('https://cdn.example.com/c.png')
    const again = await comfy.resend(job.external_id)
    expect(JSON.parse(again!.body)).toMatchObject({ duplicate: true })
  })

  it('refuses a callback without the token or with another job’s token', async () => {
    const body = JSON.stringify({
      event_type: 'run.updated',
      status: 'success',
      run_id: 'r1',
      progress: 1,
    })
    const missing = await postInbound('comfydeploy', body, { jobId: '1' })
    expect(missing.status).toBe(401)
    const run = [...comfy.runs.values()][0]
    const token = new URL(run.webhook!).searchParams.get('token')
    const otherJob = await postInbound('comfydeploy', body, {
      jobId: '999',
      query: `?token=${token}`,
    })
    expect(otherJob.status).toBe(401)
  })

  it('completes a run whose callback never comes through the poller', async () => {
    const submitted = await callRoute(submitJobRoute, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify({ provider: 'comfydeploy', endpoint: 'dep_123', input: {} }),
    })
    const job = submitted.body.data
    const run = comfy.runs.get(job.external_id)!
    run.webhook = null
    await comfy.advance(job.external_id, { status: 'success', progress: 1, outputs: [] })
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

describe('custom sources', () => {
  it('verifies a source added in the admin by its scheme and drives its job', async () => {
    await payload.create({
      collection: 'inbound-sources',
      overrideAccess: true,
      data: {
        slug: 'acme-render',
        name: 'Acme',
        scheme: 'hmac-sha256-hex',
        secret: 'acme-secret',
        header_name: 'x-acme-signature',
        signature_prefix: 'sha256=',
      },
    })
    const body = JSON.stringify({
      id: 'evt_1',
      job_id: 'acme_1',
      status: 'succeeded',
      result: { url: 'u' },
    })
    const signature = `sha256=${createHmac('sha256', 'acme-secret').update(body).digest('hex')}`
    const accepted = await postInbound('acme-render', body, {
      headers: { 'x-acme-signature': signature },
    })
    expect(accepted.status).toBe(200)
    await waitFor(
      () =>
        payload.find({
          collection: 'jobs',
          where: { external_id: { equals: 'acme_1' } },
          overrideAccess: true,
        }),
      (found) => found.docs[0]?.status === 'completed',
    )
    const forged = await postInbound('acme-render', body, {
      headers: { 'x-acme-signature': 'sha256=' + '0'.repeat(64) },
    })
    expect(forged.status).toBe(401)
  })
})
