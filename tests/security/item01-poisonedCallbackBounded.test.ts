// Issue 11, item 1: a correctly signed callback nested deeper than processing can copy is refused at
// receive time (400 payload_too_deep, stored as rejected, never processed), the valid callbacks around it
// are processed, and /api/v1/health shows inbound logs stuck past their lease or erroring.
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.LASTFRAME_WEBHOOK_SECRET = 'lastframe-depth-secret'
})

import { GET as getHealth } from '@/app/api/v1/health/route'
import { MAX_JSON_DEPTH } from '@/lib/inbound/measureJsonDepth'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'
import { postInbound } from '../helpers/postInbound'
import { startTestInboundLoop } from '../helpers/startTestInboundLoop'
import { waitFor } from '../helpers/waitFor'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

/** A signed Last Frame callback whose JSON nests `depth` levels in all (the body itself is level 1). */
function signedCallback(jobId: string, depth: number) {
  const nested = '{"a":'.repeat(depth - 1) + '1' + '}'.repeat(depth - 1)
  const body = `{"job_id":"${jobId}","status":"completed","metadata":${nested}}`
  const signature = createHmac('sha256', 'lastframe-depth-secret').update(body).digest('hex')
  return { body, headers: { 'x-lastframe-signature': signature } }
}

async function post(jobId: string, depth: number) {
  const { body, headers } = signedCallback(jobId, depth)
  return postInbound('lastframe', body, { headers })
}

const readLog = (id: string) =>
  payload.findByID({ collection: 'webhook-logs', id, depth: 0, overrideAccess: true })

describe('a signed callback nested 5,000 levels deep between two valid ones', () => {
  it('is answered 400 payload_too_deep and stored as rejected; the valid ones are processed, none stuck', async () => {
    const before = await post('lf_depth_before', 3)
    const poisoned = await post('lf_depth_poison', 5_000)
    const after = await post('lf_depth_after', 3)

    expect(before.status).toBe(200)
    expect(after.status).toBe(200)
    expect(poisoned.status).toBe(400)
    expect(poisoned.body.error).toMatchObject({ code: 'payload_too_deep' })
    expect(poisoned.body.error.message).toContain(String(MAX_JSON_DEPTH))

    const loop = startTestInboundLoop(payload)
    try {
      const logs = await waitFor(
        () => Promise.all([before.body.id, after.body.id].map(readLog)),
        (found) => found.every((log) => log.status === 'processed'),
        { what: 'the two valid callbacks to be processed' },
      )
      expect(logs.map((log) => log.processing_attempts)).toEqual([1, 1])
    } finally {
      await loop.drain()
    }
    const rejected = await payload.find({
      collection: 'webhook-logs',
      where: { external_job_id: { exists: false }, rejection_reason: { like: 'payload_too_deep' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(rejected.docs).toHaveLength(1)
    expect(rejected.docs[0]).toMatchObject({ status: 'rejected', verified: false })
    const jobs = await payload.find({
      collection: 'jobs',
      where: { external_id: { equals: 'lf_depth_poison' } },
      overrideAccess: true,
    })
    expect(jobs.totalDocs).toBe(0)
    const unfinished = await payload.count({
      collection: 'webhook-logs',
      where: { status: { in: ['received', 'processing'] } },
      overrideAccess: true,
    })
    expect(unfinished.totalDocs).toBe(0)
  })

  it(`accepts a body nested exactly ${MAX_JSON_DEPTH} levels and refuses one level more`, async () => {
    expect((await post('lf_depth_at_bound', MAX_JSON_DEPTH)).status).toBe(200)
    const over = await post('lf_depth_over_bound', MAX_JSON_DEPTH + 1)
    expect(over.status).toBe(400)
    expect(over.body.error.code).toBe('payload_too_deep')
  })

  it('counts brackets inside JSON strings as text, not nesting', async () => {
    const { body, headers } = signedCallback('lf_depth_strings', 2)
    const withBrackets = body.replace('"completed"', `"completed","note":"${'[{'.repeat(500)}"`)
    const signature = createHmac('sha256', 'lastframe-depth-secret')
      .update(withBrackets)
      .digest('hex')
    const response = await postInbound('lastframe', withBrackets, {
      headers: { ...headers, 'x-lastframe-signature': signature },
    })
    expect(response.status).toBe(200)
  })
})

describe('GET /api/v1/health', () => {
  async function storeLogWith(status: 'processing' | 'error', leaseExpiresAt: string | null) {
    const log = await payload.create({
      collection: 'webhook-logs',
      overrideAccess: true,
      data: {
        source: 'lastframe',
        status,
        verified: true,
        dedupe_key: `health-${status}-${Math.random()}`,
        received_at: new Date().toISOString(),
        raw_body: '{}',
        lease_expires_at: leaseExpiresAt,
        ...(status === 'error' ? { error_message: 'provider bug' } : {}),
      },
    })
    return log.id
  }

  it('reports inbound logs stuck past their lease and logs in error, and is degraded while any is stuck', async () => {
    const clean = await callRoute(getHealth, '/api/v1/health')
    expect(clean.body.data.inbound).toEqual({ stuck: 0, errored: 0 })

    const stuck = await storeLogWith('processing', new Date(Date.now() - 60_000).toISOString())
    await storeLogWith('processing', new Date(Date.now() + 60_000).toISOString())
    await storeLogWith('error', null)

    const health = await callRoute(getHealth, '/api/v1/health')
    expect(health.body.data.inbound).toEqual({ stuck: 1, errored: 1 })
    expect(health.body.data.status).toBe('degraded')
    await payload.delete({ collection: 'webhook-logs', id: stuck, overrideAccess: true })
    const after = await callRoute(getHealth, '/api/v1/health')
    expect(after.body.data.inbound).toEqual({ stuck: 0, errored: 1 })
  })
})
