// Issue 11, item 12: a signed callback whose JSON strings hold bytes that are not valid UTF-8 is stored
// byte for byte (raw_body_base64 beside the readable raw_body), so what storage holds still matches the
// signature, and a retry from storage works on the bytes that were verified.
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.LASTFRAME_WEBHOOK_SECRET = 'lastframe-bytes-secret'
})

import { POST as retryLog } from '@/app/api/v1/webhooks/logs/[id]/retry/route'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { lastframeProvider } from '@/lib/inbound/providers/lastframe'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'
import { postInbound } from '../helpers/postInbound'
import { startTestInboundLoop } from '../helpers/startTestInboundLoop'
import { waitFor } from '../helpers/waitFor'

let payload: Payload
let operatorKey: string

beforeAll(async () => {
  payload = await bootHub()
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
})

const sign = (bytes: Buffer) =>
  createHmac('sha256', 'lastframe-bytes-secret').update(bytes).digest('hex')

// 0xff and 0xfe never occur in UTF-8; 0xc3 alone is a cut two-byte sequence.
const invalidUtf8Body = Buffer.concat([
  Buffer.from('{"job_id":"lf_bytes","status":"completed","metadata":{"note":"'),
  Buffer.from([0xff, 0xfe, 0x63, 0x61, 0x66, 0xc3]),
  Buffer.from('"}}'),
])

const readLog = (id: string) =>
  payload.findByID({ collection: 'webhook-logs', id, depth: 0, overrideAccess: true })

describe('a signed callback with invalid UTF-8 inside a JSON string', () => {
  it('is stored byte for byte, shown readably, and its stored bytes still verify', async () => {
    const signature = sign(invalidUtf8Body)
    const response = await postInbound('lastframe', invalidUtf8Body, {
      headers: { 'x-lastframe-signature': signature },
    })
    expect(response.status).toBe(200)

    const log = await readLog(response.body.id)
    const stored = Buffer.from(log.raw_body_base64!, 'base64')
    expect(stored.equals(invalidUtf8Body)).toBe(true)
    expect(log.raw_body_size).toBe(invalidUtf8Body.length)
    expect(log.raw_body).toContain('\uFFFD')
    expect(sign(stored)).toBe(signature)
    // The readable copy alone is what used to be stored: it does not match the signature.
    expect(sign(Buffer.from(log.raw_body!, 'utf8'))).not.toBe(signature)
    await expect(
      lastframeProvider.verify(
        {
          rawBody: stored,
          headers: { 'x-lastframe-signature': signature },
          query: {},
          jobId: null,
          receivedAt: new Date(),
        },
        createProviderContext(),
      ),
    ).resolves.toMatchObject({ externalJobId: 'lf_bytes' })
  })

  it('is processed, and retried from storage, on its exact bytes', async () => {
    const body = Buffer.concat([
      Buffer.from('{"job_id":"lf_bytes_retry","status":"completed","metadata":{"n":"'),
      Buffer.from([0x80, 0xbf]),
      Buffer.from('"}}'),
    ])
    const response = await postInbound('lastframe', body, {
      headers: { 'x-lastframe-signature': sign(body) },
    })
    expect(response.status).toBe(200)
    const loop = startTestInboundLoop(payload)
    try {
      await waitFor(
        () => readLog(response.body.id),
        (log) => log.status === 'processed',
        { what: 'the callback to be processed' },
      )
    } finally {
      await loop.drain()
    }
    const retried = await callRoute(retryLog, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      params: { id: response.body.id },
    })
    expect(retried.status).toBe(200)
    expect(retried.body.data.result.status).toBe('processed')
    expect(Buffer.from(retried.body.data.log.raw_body_base64, 'base64').equals(body)).toBe(true)
    expect(retried.body.data.log.raw_body_size).toBe(body.length)
  })

  it('keeps only the readable text when the body is valid UTF-8', async () => {
    const body = Buffer.from(
      '{"job_id":"lf_bytes_utf8","status":"completed","metadata":{"n":"café ✓"}}',
    )
    const response = await postInbound('lastframe', body, {
      headers: { 'x-lastframe-signature': sign(body) },
    })
    const log = await readLog(response.body.id)
    expect(log.raw_body_base64 ?? null).toBeNull()
    expect(Buffer.from(log.raw_body!, 'utf8').equals(body)).toBe(true)
    expect(log.raw_body_size).toBe(body.length)
  })
})
