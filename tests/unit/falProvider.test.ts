import { generateKeyPairSync, type KeyObject } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { InboundRejection } from '@/lib/inbound/inboundRejection'
import { VerificationUnavailable } from '@/lib/inbound/verificationUnavailable'
import { falProvider } from '@/lib/inbound/providers/fal'
import type { ProviderContext, RawInboundRequest } from '@/lib/inbound/providers/inboundProvider'
import type { Job } from '@/payload-types'
import { signFalWebhook, startFakeFal, type FakeFal } from '@/tests/fakes/startFakeFal'
import { startReceiver } from '@/tests/fakes/startReceiver'

const NOW = new Date('2026-01-01T00:00:00.000Z')
const NOW_SECONDS = NOW.getTime() / 1000
const RECEIVED_AT = new Date('2026-01-01T00:00:02.000Z')
const HEADER_NAMES = [
  'x-fal-webhook-request-id',
  'x-fal-webhook-user-id',
  'x-fal-webhook-timestamp',
  'x-fal-webhook-signature',
] as const

// Written by hand: the seed is above 2^53, as fal's seeds can be, and must not break verification.
const OK_BODY =
  '{"request_id":"req_1","gateway_request_id":"req_1","status":"OK",' +
  '"payload":{"images":[{"url":"https://fal.media/a.png"}],"seed":18446744073709551615},' +
  '"error":null}'

let fake: FakeFal

beforeAll(async () => {
  fake = await startFakeFal()
})

afterAll(async () => {
  await fake?.close()
})

function makeContext(
  fal: FakeFal = fake,
  now: () => Date = () => NOW,
  env: ProviderContext['env'] = {},
): ProviderContext {
  return {
    now,
    fetch: globalThis.fetch,
    env: { FAL_JWKS_URL: fal.jwksUrl, FAL_KEY: fal.apiKey, FAL_QUEUE_URL: fal.url, ...env },
  }
}

type RequestOptions = {
  rawBody?: string
  timestamp?: number
  privateKey?: KeyObject
  headers?: Record<string, string>
}

function makeRequest(options: RequestOptions = {}): RawInboundRequest {
  const rawBody = options.rawBody ?? OK_BODY
  const timestamp = options.timestamp ?? NOW_SECONDS
  const privateKey = options.privateKey ?? fake.privateKey
  const signed = signFalWebhook(privateKey, { requestId: 'req_1', userId: 'u', timestamp, rawBody })
  const headers = { ...signed, ...options.headers }
  return { rawBody: Buffer.from(rawBody), headers, query: {}, jobId: '7', receivedAt: RECEIVED_AT }
}

async function refusalOf(request: RawInboundRequest, context = makeContext()) {
  const error = await falProvider.verify(request, context).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InboundRejection)
  return error as InboundRejection
}

async function normalizeBody(body: Record<string, unknown>) {
  const request = makeRequest({ rawBody: JSON.stringify(body) })
  const callback = await falProvider.verify(request, makeContext())
  return falProvider.normalize(callback, request, makeContext())
}

async function submitJob(webhookUrl = 'http://127.0.0.1:9/api/v1/webhooks/fal/1') {
  const input = { prompt: 'a red fox', seed: 42 }
  const submission = { endpoint: 'fal-ai/flux/dev', input, webhookUrl, jobId: '1' }
  const submitted = await falProvider.submit!(submission, makeContext())
  const job = { id: 1, endpoint: submission.endpoint, external_id: submitted.externalId }
  return { submitted, job: { ...job, provider: 'fal', status: 'queued' } as Job }
}

describe('fal callback verification', () => {
  it('accepts a callback signed by a key of the JWKS and keys it by request_id', async () => {
    const callback = await falProvider.verify(makeRequest(), makeContext())
    expect(callback).toMatchObject({
      dedupeKey: 'req_1',
      eventType: 'fal.OK',
      externalJobId: 'req_1',
      body: { request_id: 'req_1', status: 'OK' },
    })
  })

  it('accepts a callback whose timestamp is exactly 300 s old', async () => {
    await expect(
      falProvider.verify(makeRequest({ timestamp: NOW_SECONDS - 300 }), makeContext()),
    ).resolves.toMatchObject({ dedupeKey: 'req_1' })
  })

  it('refuses a callback signed by a key pair that is not in the JWKS', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey
    const rejection = await refusalOf(makeRequest({ privateKey: stranger }))
    expect(rejection).toMatchObject({ code: 'invalid_signature', status: 401 })
  })

  it('refuses a callback whose body differs from the signed one by a single space', async () => {
    const request = makeRequest()
    request.rawBody = Buffer.from(`${OK_BODY} `)
    expect((await refusalOf(request)).code).toBe('invalid_signature')
  })

  it.each([
    ['301 s old', -301, /too old/],
    ['301 s in the future', 301, /too new/],
  ])('refuses a callback whose timestamp is %s', async (_label, offset, reason) => {
    const rejection = await refusalOf(makeRequest({ timestamp: NOW_SECONDS + offset }))
    expect(rejection.message).toMatch(reason)
  })

  it.each(HEADER_NAMES)('refuses a callback without the %s header', async (name) => {
    const request = makeRequest()
    delete request.headers[name]
    expect((await refusalOf(request)).code).toBe('invalid_signature')
  })

  it.each([
    ['a short signature', 'ab'.repeat(63)],
    ['a non-hex signature', 'zz'.repeat(64)],
    ['a base64 signature', 'A'.repeat(86) + '=='],
  ])('refuses %s', async (_label, signature) => {
    const request = makeRequest({ headers: { 'x-fal-webhook-signature': signature } })
    expect((await refusalOf(request)).message).toMatch(/128 hex/)
  })

  it.each([
    ['is not JSON', '{"request_id":'],
    ['lacks request_id', '{"status":"OK"}'],
  ])('answers invalid_json (400) for a correctly signed body that %s', async (_label, rawBody) => {
    const rejection = await refusalOf(makeRequest({ rawBody }))
    expect(rejection).toMatchObject({ code: 'invalid_json', status: 400 })
  })

  it('accepts the callback the fake delivers over HTTP to the fal_webhook URL', async () => {
    const receiver = await startReceiver()
    try {
      const { submitted } = await submitJob(`${receiver.url}/api/v1/webhooks/fal/7`)
      fake.completeRequest(submitted.externalId, { images: [{ url: 'https://fal.media/b.png' }] })
      await fake.deliverWebhook(submitted.externalId, { timestamp: NOW_SECONDS })
      const [received] = await receiver.waitForRequests(1)
      const headers = HEADER_NAMES.map((name) => [name, String(received.headers[name])])
      const request = {
        ...makeRequest(),
        rawBody: Buffer.from(received.body),
        headers: Object.fromEntries(headers),
      }
      const callback = await falProvider.verify(request, makeContext())
      expect(callback.externalJobId).toBe(submitted.externalId)
    } finally {
      await receiver.close()
    }
  })
})

describe('fal JWKS cache', () => {
  let untouched: FakeFal
  let rotating: FakeFal

  beforeAll(async () => {
    ;[untouched, rotating] = await Promise.all([startFakeFal(), startFakeFal()])
  })

  afterAll(async () => {
    await Promise.all([untouched?.close(), rotating?.close()])
  })

  it('fetches no key for a stale callback', async () => {
    const stale = makeRequest({ timestamp: NOW_SECONDS - 1000, privateKey: untouched.privateKey })
    await refusalOf(stale, makeContext(untouched))
    expect(untouched.jwksFetches).toBe(0)
  })

  it('refetches for a rotated key, not again within 60 s, and again after 24 h', async () => {
    let clock = NOW.getTime()
    const context = makeContext(rotating, () => new Date(clock))
    const signedNow = (privateKey: KeyObject) =>
      makeRequest({ privateKey, timestamp: Math.floor(clock / 1000) })
    await falProvider.verify(signedNow(rotating.privateKey), context)
    await falProvider.verify(signedNow(rotating.privateKey), context)
    expect(rotating.jwksFetches).toBe(1)

    rotating.rotateKey()
    clock += 61_000
    await falProvider.verify(signedNow(rotating.privateKey), context)
    expect(rotating.jwksFetches).toBe(2)

    clock += 10_000
    const forged = signedNow(generateKeyPairSync('ed25519').privateKey)
    expect((await refusalOf(forged, context)).code).toBe('invalid_signature')
    expect(rotating.jwksFetches).toBe(2)

    clock += 24 * 60 * 60 * 1000
    await falProvider.verify(signedNow(rotating.privateKey), context)
    expect(rotating.jwksFetches).toBe(3)
  })

  it('is unavailable, not a rejection, when the JWKS cannot be fetched, naming the URL and why', async () => {
    const jwksUrl = `${fake.url}/no-such-jwks`
    const context = makeContext(fake, () => NOW, { FAL_JWKS_URL: jwksUrl })
    const error = await falProvider.verify(makeRequest(), context).catch((caught) => caught)
    expect(error).toBeInstanceOf(VerificationUnavailable)
    expect(error).toMatchObject({
      code: 'verification_unavailable',
      status: 503,
      retryAfterSeconds: 60,
    })
    expect(error.message).toBe(
      `Cannot verify the fal signature: fal's JWKS at ${jwksUrl} is unavailable (it answered 401); retry later`,
    )
  })

  it('counts Retry-After down to the next allowed JWKS fetch while the last one failed', async () => {
    let clock = NOW.getTime()
    const jwksUrl = `${fake.url}/still-no-jwks`
    const context = makeContext(fake, () => new Date(clock), { FAL_JWKS_URL: jwksUrl })
    const signedNow = () => makeRequest({ timestamp: Math.floor(clock / 1000) })
    await expect(falProvider.verify(signedNow(), context)).rejects.toMatchObject({
      retryAfterSeconds: 60,
    })
    clock += 45_500
    const later = await falProvider.verify(signedNow(), context).catch((caught) => caught)
    expect(later).toMatchObject({ retryAfterSeconds: 15 })
    expect(later.message).toContain(`${jwksUrl} is unavailable (it answered 401)`)
  })
})

describe('fal callback normalization', () => {
  it('turns status OK into a completed job whose result is the payload', async () => {
    const request = makeRequest()
    const callback = await falProvider.verify(request, makeContext())
    const update = await falProvider.normalize(callback, request, makeContext())
    expect(update).toEqual({
      job_id: '7',
      external_job_id: 'req_1',
      provider: 'fal',
      status: 'completed',
      progress: 100,
      result: {
        images: [{ url: 'https://fal.media/a.png' }],
        seed: Number('18446744073709551615'),
      },
      error_message: null,
      updated_at: RECEIVED_AT.toISOString(),
      source: 'webhook',
    })
  })

  it('turns status ERROR into a failed job with fal error and detail', async () => {
    const update = await normalizeBody({
      request_id: 'req_1',
      status: 'ERROR',
      error: 'Invalid status code: 422',
      payload: { detail: [{ loc: ['body', 'prompt'], msg: 'field required', type: 'missing' }] },
    })
    expect(update).toMatchObject({ status: 'failed', result: null, progress: null })
    expect(update?.error_message).toBe('Invalid status code: 422: body.prompt: field required')
  })

  it('completes a job with no result when fal sends payload_error instead', async () => {
    const update = await normalizeBody({
      request_id: 'req_1',
      status: 'OK',
      payload: null,
      payload_error: 'Response payload is not JSON serializable.',
    })
    expect(update).toMatchObject({ status: 'completed', result: null })
    expect(update?.error_message).toMatch(/payload_error: Response payload is not JSON/)
    expect(update?.error_message).toMatch(/queue\.result/)
  })

  it('ignores a callback with a status fal does not document', async () => {
    expect(await normalizeBody({ request_id: 'req_1', status: 'MAYBE', payload: null })).toBeNull()
  })
})

describe('fal submit and poll through @fal-ai/client', () => {
  it('submits to the endpoint with the webhook URL as fal_webhook', async () => {
    const { submitted } = await submitJob()
    expect(submitted.status).toBe('queued')
    expect(submitted.raw).toMatchObject({ request_id: submitted.externalId, status: 'IN_QUEUE' })
    expect(fake.requests.get(submitted.externalId)).toMatchObject({
      endpoint: 'fal-ai/flux/dev',
      input: { prompt: 'a red fox', seed: 42 },
      webhookUrl: 'http://127.0.0.1:9/api/v1/webhooks/fal/1',
    })
  })

  it('polls IN_QUEUE as queued and IN_PROGRESS as processing', async () => {
    const { submitted, job } = await submitJob()
    expect(await falProvider.poll(job, makeContext())).toMatchObject({
      job_id: '1',
      external_job_id: submitted.externalId,
      status: 'queued',
      updated_at: NOW.toISOString(),
      source: 'poll',
    })
    fake.startRequest(submitted.externalId)
    expect(await falProvider.poll(job, makeContext())).toMatchObject({ status: 'processing' })
  })

  it('polls a completed request as completed with its output', async () => {
    const { submitted, job } = await submitJob()
    const output = { images: [{ url: 'https://fal.media/c.png' }], seed: 7 }
    fake.completeRequest(submitted.externalId, output)
    expect(await falProvider.poll(job, makeContext())).toMatchObject({
      status: 'completed',
      progress: 100,
      result: output,
      error_message: null,
    })
  })

  it('polls a request whose result is an error as failed with the detail', async () => {
    const { submitted, job } = await submitJob()
    fake.failRequest(submitted.externalId, 'CUDA out of memory')
    const update = await falProvider.poll(job, makeContext())
    expect(update).toMatchObject({ status: 'failed', result: null })
    expect(update.error_message).toBe(
      'fal request failed with 500 (runner_disconnected): CUDA out of memory',
    )
  })

  it('refuses to poll without FAL_KEY', async () => {
    const { job } = await submitJob()
    const context = makeContext(fake, () => NOW, { FAL_KEY: '' })
    await expect(falProvider.poll(job, context)).rejects.toThrow('FAL_KEY is not set')
  })
})
