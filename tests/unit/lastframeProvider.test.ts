import { describe, expect, it } from 'vitest'

import { InboundRejection } from '@/lib/inbound/inboundRejection'
import type { ProviderContext, RawInboundRequest } from '@/lib/inbound/providers/inboundProvider'
import { lastframeProvider } from '@/lib/inbound/providers/lastframe'
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import type { Job } from '@/payload-types'

const SECRET = 'lastframe-secret-for-tests'
const NOW_SECONDS = 1_767_225_600
const NOW = new Date(NOW_SECONDS * 1000)
const RECEIVED_AT = new Date((NOW_SECONDS + 1) * 1000)

const context: ProviderContext = {
  now: () => NOW,
  fetch: globalThis.fetch,
  env: { LASTFRAME_WEBHOOK_SECRET: SECRET },
}

function makeBody(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    job_id: 'lf_1',
    status: 'completed',
    service: 'upscale',
    result: { output_url: 'https://cdn.example/out.mp4', duration: 12.5 },
    metadata: { project_id: 'p1', user_id: 'u1', original_job_id: 'o1' },
    ...fields,
  })
}

function makeRequest(
  rawBody: string = makeBody(),
  headers: Record<string, string> = { 'x-lastframe-signature': signHmacSha256Hex(SECRET, rawBody) },
): RawInboundRequest {
  return {
    rawBody: Buffer.from(rawBody),
    headers: { 'content-type': 'application/json', ...headers },
    query: {},
    jobId: '7',
    receivedAt: RECEIVED_AT,
  }
}

function makeTimedRequest(timestampSeconds: number | string): RawInboundRequest {
  const rawBody = makeBody()
  return makeRequest(rawBody, {
    'x-lastframe-signature': signHmacSha256Hex(SECRET, rawBody),
    'x-lastframe-timestamp': String(timestampSeconds),
  })
}

async function rejectionOf(request: RawInboundRequest, ctx = context): Promise<InboundRejection> {
  const error = await lastframeProvider.verify(request, ctx).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InboundRejection)
  return error as InboundRejection
}

async function normalizeBody(fields: Record<string, unknown>) {
  const request = makeRequest(makeBody(fields))
  const callback = await lastframeProvider.verify(request, context)
  return lastframeProvider.normalize(callback, request, context)
}

describe('Last Frame callback verification', () => {
  it('accepts a body signed with LASTFRAME_WEBHOOK_SECRET', async () => {
    const callback = await lastframeProvider.verify(makeRequest(), context)
    expect(callback.externalJobId).toBe('lf_1')
    expect(callback.dedupeKey).toBe('lf_1:completed')
    expect(callback.body).toMatchObject({ job_id: 'lf_1', service: 'upscale' })
  })

  it('verifies the raw bytes exactly as sent, whitespace included', async () => {
    const rawBody = '{ "job_id": "lf_1",\n  "status": "processing" }'
    const callback = await lastframeProvider.verify(makeRequest(rawBody), context)
    expect(callback.dedupeKey).toBe('lf_1:processing')
  })

  it('refuses a body signed with another secret', async () => {
    const rawBody = makeBody()
    const request = makeRequest(rawBody, {
      'x-lastframe-signature': signHmacSha256Hex('wrong-secret', rawBody),
    })
    const rejection = await rejectionOf(request)
    expect(rejection.code).toBe('invalid_signature')
    expect(rejection.status).toBe(401)
    expect(rejection.message).not.toContain(SECRET)
  })

  it('refuses a body changed after signing', async () => {
    const signature = signHmacSha256Hex(SECRET, makeBody())
    const request = makeRequest(makeBody({ status: 'failed' }), {
      'x-lastframe-signature': signature,
    })
    expect((await rejectionOf(request)).code).toBe('invalid_signature')
  })

  it('refuses a callback without x-lastframe-signature', async () => {
    const rejection = await rejectionOf(makeRequest(makeBody(), {}))
    expect(rejection.code).toBe('invalid_signature')
    expect(rejection.message).toContain('x-lastframe-signature')
  })

  it('refuses a signature that is not 64 hex characters', async () => {
    const request = makeRequest(makeBody(), { 'x-lastframe-signature': 'sha256=abc' })
    expect((await rejectionOf(request)).code).toBe('invalid_signature')
  })

  it('refuses every callback when LASTFRAME_WEBHOOK_SECRET is not set', async () => {
    const rejection = await rejectionOf(makeRequest(), { ...context, env: {} })
    expect(rejection.code).toBe('invalid_signature')
  })

  it('accepts a timestamp 300 s old or 300 s ahead', async () => {
    await expect(
      lastframeProvider.verify(makeTimedRequest(NOW_SECONDS - 300), context),
    ).resolves.toBeDefined()
    await expect(
      lastframeProvider.verify(makeTimedRequest(NOW_SECONDS + 300), context),
    ).resolves.toBeDefined()
  })

  it('refuses a callback whose timestamp is 301 s old', async () => {
    const rejection = await rejectionOf(makeTimedRequest(NOW_SECONDS - 301))
    expect(rejection.code).toBe('invalid_signature')
    expect(rejection.message).toContain('too old')
  })

  it('refuses a callback whose timestamp is 301 s in the future', async () => {
    const rejection = await rejectionOf(makeTimedRequest(NOW_SECONDS + 301))
    expect(rejection.code).toBe('invalid_signature')
    expect(rejection.message).toContain('too new')
  })

  it('refuses a timestamp that is not unix seconds', async () => {
    const rejection = await rejectionOf(makeTimedRequest('2026-01-01T00:00:00Z'))
    expect(rejection.code).toBe('invalid_signature')
  })

  it('answers invalid_json for a signed body that is not JSON', async () => {
    const rejection = await rejectionOf(makeRequest('not json'))
    expect(rejection.code).toBe('invalid_json')
    expect(rejection.status).toBe(400)
  })

  it('answers invalid_json for a signed body without job_id', async () => {
    const rejection = await rejectionOf(makeRequest(JSON.stringify({ status: 'completed' })))
    expect(rejection.code).toBe('invalid_json')
  })
})

describe('Last Frame normalization', () => {
  it.each([
    ['queued', 'queued'],
    ['processing', 'processing'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['cancelled', 'cancelled'],
  ])('maps status %s to %s', async (status, expected) => {
    expect((await normalizeBody({ status }))?.status).toBe(expected)
  })

  it('returns nothing to update for a status it does not know', async () => {
    expect(await normalizeBody({ status: 'archived' })).toBeNull()
  })

  it('describes a completed job with its output as the result', async () => {
    expect(await normalizeBody({})).toEqual({
      job_id: '7',
      external_job_id: 'lf_1',
      provider: 'lastframe',
      status: 'completed',
      progress: 100,
      result: { output_url: 'https://cdn.example/out.mp4', duration: 12.5 },
      error_message: null,
      updated_at: RECEIVED_AT.toISOString(),
      source: 'webhook',
    })
  })

  it('carries the error of a failed job, or says that it failed', async () => {
    expect((await normalizeBody({ status: 'failed', error: 'GPU lost' }))?.error_message).toBe(
      'GPU lost',
    )
    expect((await normalizeBody({ status: 'failed', result: null }))?.error_message).toBe(
      'Last Frame job failed',
    )
  })
})

describe('Last Frame polling', () => {
  it('explains that Last Frame has no status API', async () => {
    const job = { id: 7, provider: 'lastframe', external_id: 'lf_1', status: 'queued' } as Job
    await expect(lastframeProvider.poll(job, context)).rejects.toThrow(
      'Last Frame does not offer a status API; the job waits for its callback',
    )
  })
})
