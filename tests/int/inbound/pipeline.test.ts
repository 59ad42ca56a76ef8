import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.LASTFRAME_WEBHOOK_SECRET = 'lastframe-test-secret'
})

import { GET as listLogs } from '@/app/api/v1/webhooks/logs/route'
import { POST as retryLog } from '@/app/api/v1/webhooks/logs/[id]/retry/route'
import { POST as manageRetry } from '@/app/api/v1/webhooks/manage/route'
import { getInboundRegistry } from '@/lib/inbound/inboundRegistry'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startReceiver, type Receiver } from '../../fakes/startReceiver'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'
import { postInbound } from '../../helpers/postInbound'
import { startTestDeliveryLoop } from '../../helpers/startTestDeliveryLoop'
import { startTestInboundLoop } from '../../helpers/startTestInboundLoop'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload
let operatorKey: string
let inboundLoop: WorkerLoop
let deliveryLoop: WorkerLoop
let receiver: Receiver

function signLastFrame(body: string) {
  return {
    'x-lastframe-signature': createHmac('sha256', 'lastframe-test-secret')
      .update(body)
      .digest('hex'),
  }
}

function lastFrameBody(jobId: string, status: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    job_id: jobId,
    status,
    service: 'video',
    result:
      status === 'completed'
        ? { output_url: 'https://cdn.example.com/v.mp4', duration: 4.2 }
        : null,
    metadata: { project_id: 'p1', user_id: 'u1', original_job_id: jobId },
    ...extra,
  })
}

async function readLog(id: string) {
  return payload.findByID({ collection: 'webhook-logs', id, overrideAccess: true, depth: 0 })
}

beforeAll(async () => {
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
      secret: 'whsec_dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQ=',
    },
  })
  inboundLoop = startTestInboundLoop(payload)
  deliveryLoop = startTestDeliveryLoop(payload)
})

afterAll(async () => {
  await inboundLoop.drain()
  await deliveryLoop.drain()
  await receiver.close()
})

describe('inbound pipeline', () => {
  it('stores a verified callback before answering, processes it into a job and publishes job.completed', async () => {
    const body = lastFrameBody('lf_1', 'completed')
    const response = await postInbound('lastframe', body, { headers: signLastFrame(body) })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ received: true, id: expect.any(String), duplicate: false })
    const stored = await readLog(response.body.id)
    expect(stored).toMatchObject({
      source: 'lastframe',
      verified: true,
      raw_body: body,
      dedupe_key: 'lf_1:completed',
    })
    expect((stored.headers as Record<string, string>)['x-lastframe-signature']).toMatch(
      /^\[redacted/,
    )

    const processed = await waitFor(
      () => readLog(response.body.id),
      (log) => log.status === 'processed',
    )
    expect(processed.normalized).toMatchObject({
      status: 'completed',
      external_job_id: 'lf_1',
      provider: 'lastframe',
    })
    const job = await payload.find({
      collection: 'jobs',
      where: { external_id: { equals: 'lf_1' } },
      overrideAccess: true,
    })
    expect(job.docs[0]).toMatchObject({
      status: 'completed',
      provider: 'lastframe',
      last_update_source: 'webhook',
    })
    const [delivery] = await receiver.waitForRequests(1)
    expect(JSON.parse(delivery.body)).toMatchObject({
      event_type: 'job.completed',
      data: { job_id: String(job.docs[0].id), job_status: 'completed', external_job_id: 'lf_1' },
    })
  })

  it('answers a repeat with duplicate: true and processes it only once, even when copies race', async () => {
    const body = lastFrameBody('lf_dup', 'processing')
    const copies = await Promise.all(
      Array.from({ length: 5 }, () =>
        postInbound('lastframe', body, { headers: signLastFrame(body) }),
      ),
    )
    expect(copies.every((copy) => copy.status === 200)).toBe(true)
    expect(copies.filter((copy) => copy.body.duplicate === false)).toHaveLength(1)
    const originalId = copies.find((copy) => !copy.body.duplicate)!.body.id
    expect(copies.every((copy) => copy.body.id === originalId)).toBe(true)
    const later = await postInbound('lastframe', body, { headers: signLastFrame(body) })
    expect(later.body).toEqual({ received: true, id: originalId, duplicate: true })
    const processed = await payload.count({
      collection: 'webhook-logs',
      where: {
        and: [{ external_job_id: { equals: 'lf_dup' } }, { status: { not_equals: 'duplicate' } }],
      },
      overrideAccess: true,
    })
    expect(processed.totalDocs).toBe(1)
    const duplicates = await payload.count({
      collection: 'webhook-logs',
      where: {
        and: [{ status: { equals: 'duplicate' } }, { duplicate_of: { equals: originalId } }],
      },
      overrideAccess: true,
    })
    expect(duplicates.totalDocs).toBe(5)
  })

  it('never lets a late, older callback overwrite a terminal state', async () => {
    const done = lastFrameBody('lf_order', 'completed')
    await postInbound('lastframe', done, { headers: signLastFrame(done) })
    const late = lastFrameBody('lf_order', 'processing')
    const lateResponse = await postInbound('lastframe', late, { headers: signLastFrame(late) })
    await waitFor(
      () => readLog(lateResponse.body.id),
      (log) => log.status === 'processed',
    )
    const job = await payload.find({
      collection: 'jobs',
      where: { external_id: { equals: 'lf_order' } },
      overrideAccess: true,
    })
    expect(job.docs[0].status).toBe('completed')
  })

  it.each([
    ['an unknown provider', 'nobody-here', '{}', {}, 404, 'unknown_provider'],
    [
      'a missing signature',
      'lastframe',
      lastFrameBody('x', 'completed'),
      {},
      401,
      'invalid_signature',
    ],
    [
      'a tampered body',
      'lastframe',
      lastFrameBody('x', 'failed'),
      signLastFrame(lastFrameBody('x', 'completed')),
      401,
      'invalid_signature',
    ],
    ['invalid JSON', 'lastframe', '{"job_id":', signLastFrame('{"job_id":'), 400, 'invalid_json'],
  ] as const)(
    'refuses %s with the documented error and logs it as rejected',
    async (_what, provider, body, headers, status, code) => {
      const response = await postInbound(provider, body, { headers: { ...headers } })
      expect(response.status).toBe(status)
      expect(response.body).toEqual({ error: { code, message: expect.any(String) } })
      const rejected = await payload.find({
        collection: 'webhook-logs',
        where: { and: [{ status: { equals: 'rejected' } }, { rejection_reason: { like: code } }] },
        sort: '-received_at',
        limit: 1,
        overrideAccess: true,
      })
      expect(rejected.docs[0]).toMatchObject({ source: provider, verified: false })
    },
  )

  it('refuses a body over 1 MiB with 413 and logs it', async () => {
    const big = JSON.stringify({
      job_id: 'big',
      status: 'completed',
      padding: 'x'.repeat(1024 * 1024),
    })
    const response = await postInbound('lastframe', big, { headers: signLastFrame(big) })
    expect(response.status).toBe(413)
    expect(response.body.error.code).toBe('payload_too_large')
    const jobs = await payload.count({
      collection: 'jobs',
      where: { external_id: { equals: 'big' } },
      overrideAccess: true,
    })
    expect(jobs.totalDocs).toBe(0)
  })

  it('runs several handlers in priority order, marks the log error when one fails, and retries it', async () => {
    const order: string[] = []
    const events: string[] = []
    const registry = getInboundRegistry()
    let failing = true
    const stopListening = registry.on('webhook:error', (event) =>
      events.push(`error:${event.logId}`),
    )
    const unregisterMedia = registry.register({
      name: 'store-media',
      service: 'lastframe',
      priority: 10,
      canHandle: (context) => context.update?.status === 'completed',
      async handle(context) {
        order.push(`media:${context.job?.id}`)
        if (failing) throw new Error('media bucket unavailable')
      },
    })
    const unregisterAudit = registry.register({
      name: 'audit',
      service: '*',
      priority: 200,
      canHandle: () => true,
      async handle() {
        order.push('audit')
      },
    })
    try {
      const body = lastFrameBody('lf_handlers', 'completed')
      const response = await postInbound('lastframe', body, { headers: signLastFrame(body) })
      const errored = await waitFor(
        () => readLog(response.body.id),
        (log) => log.status === 'error',
      )
      expect(errored.error_message).toContain('media bucket unavailable')
      expect(order[0]).toBe('audit')
      expect(order[1]).toMatch(/^media:\d+$/)
      expect(events).toContain(`error:${response.body.id}`)

      failing = false
      const retried = await callRoute(retryLog, '/x', {
        method: 'POST',
        apiKey: operatorKey,
        params: { id: response.body.id },
      })
      expect(retried.status).toBe(200)
      expect(retried.body.data.log.status).toBe('processed')

      failing = true
      const again = await postInbound('lastframe', lastFrameBody('lf_handlers2', 'completed'), {
        headers: signLastFrame(lastFrameBody('lf_handlers2', 'completed')),
      })
      await waitFor(
        () => readLog(again.body.id),
        (log) => log.status === 'error',
      )
      failing = false
      const viaManage = await callRoute(manageRetry, '/x', {
        method: 'POST',
        apiKey: operatorKey,
        body: JSON.stringify({ webhookLogId: again.body.id }),
      })
      expect(viaManage.body.data.log.status).toBe('processed')
      const badManage = await callRoute(manageRetry, '/x', {
        method: 'POST',
        apiKey: operatorKey,
        body: '{}',
      })
      expect(badManage.status).toBe(400)
      expect(badManage.body.error.issues[0].path).toBe('webhookLogId')
    } finally {
      unregisterMedia()
      unregisterAudit()
      stopListening()
    }
  })

  it('lists logs with filters', async () => {
    const rejected = await callRoute(listLogs, '/x?source=lastframe&status=rejected', {
      apiKey: operatorKey,
    })
    expect(rejected.status).toBe(200)
    expect(rejected.body.data.items.length).toBeGreaterThan(0)
    expect(
      rejected.body.data.items.every((log: { status: string }) => log.status === 'rejected'),
    ).toBe(true)
  })
})
