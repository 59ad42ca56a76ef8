// A worker whose polls are ten minutes apart still starts new work at once: each commit that creates
// work signals it over its loopback wake-up socket. Without the signal these tests time out.
import type { ChildProcess } from 'node:child_process'
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.LASTFRAME_WEBHOOK_SECRET = 'lastframe-wake-secret'
})

import { publishEvent } from '@/lib/events/publishEvent'
import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import { startReceiver, type Receiver } from '../../fakes/startReceiver'
import { bootHub } from '../../helpers/bootHub'
import { postInbound } from '../../helpers/postInbound'
import { spawnWorker, waitForExit } from '../../helpers/spawnWorker'
import { waitFor } from '../../helpers/waitFor'

const TEN_MINUTES_MS = 600_000
// Far below the poll interval, so only a wake-up delivers in time; generous for a loaded machine.
const WAKE_BOUND_MS = 60_000

let payload: Payload
let receiver: Receiver
let worker: ChildProcess

beforeAll(async () => {
  payload = await bootHub()
  receiver = await startReceiver()
  await payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: {
      name: 'wake-ups',
      url: `${receiver.url}/hook`,
      event_types: ['job.completed', 'report.generated'],
      secret: generateWebhookSecret(),
    },
  })
  worker = spawnWorker({
    DELIVERY_POLL_MS: String(TEN_MINUTES_MS),
    LASTFRAME_WEBHOOK_SECRET: 'lastframe-wake-secret',
  })
  // Its first claims run at start; everything after them must come from a wake-up.
  await waitFor(
    () => payload.find({ collection: 'workers', depth: 0, overrideAccess: true }),
    (found) => found.docs.some((doc) => typeof doc.wake_port === 'number'),
    { timeoutMs: 150_000, what: 'the worker to register its wake-up port' },
  )
})

afterAll(async () => {
  worker.kill('SIGTERM')
  await waitForExit(worker)
  await receiver.close()
})

describe('wake-ups', () => {
  it('delivers a published event without waiting for the next poll', async () => {
    const published = await publishEvent(payload, {
      event_type: 'report.generated',
      data: { report_id: 'r-wake' },
    })
    expect(published.deliveries_created).toBe(1)
    const [request] = await receiver.waitForRequests(1, WAKE_BOUND_MS)
    expect(JSON.parse(request.body)).toMatchObject({ event_id: published.event_id })
  })

  it('processes a stored callback and delivers its job event without waiting for a poll', async () => {
    receiver.requests.length = 0
    const body = JSON.stringify({
      job_id: 'lf_wake',
      status: 'completed',
      service: 'video',
      result: { output_url: 'https://cdn.example.com/wake.mp4' },
    })
    const signature = createHmac('sha256', 'lastframe-wake-secret').update(body).digest('hex')
    const response = await postInbound('lastframe', body, {
      headers: { 'x-lastframe-signature': signature },
    })
    expect(response.status).toBe(200)
    const [request] = await receiver.waitForRequests(1, WAKE_BOUND_MS)
    expect(JSON.parse(request.body)).toMatchObject({
      event_type: 'job.completed',
      data: { external_job_id: 'lf_wake' },
    })
  })
})
