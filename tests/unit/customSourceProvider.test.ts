import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { InboundRejection } from '@/lib/inbound/inboundRejection'
import {
  createCustomSourceProvider,
  type CustomSourceConfig,
} from '@/lib/inbound/providers/customSource'
import type { ProviderContext, RawInboundRequest } from '@/lib/inbound/providers/inboundProvider'
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { signStandardWebhook } from '@/lib/signing/standardWebhooks'
import { createUrlToken } from '@/lib/signing/urlToken'
import type { Job } from '@/payload-types'

const SECRET = 'custom-hmac-secret'
const WHSEC = 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c='
const OTHER_WHSEC = `whsec_${Buffer.from('another secret').toString('base64')}`
const NOW_SECONDS = 1_750_861_210
const RECEIVED_AT = new Date((NOW_SECONDS + 2) * 1000)
const BODY = JSON.stringify({ job_id: 'ext_1', status: 'running', progress: 0.5 })
const GOOD_HEX = signHmacSha256Hex(SECRET, BODY)

const context: ProviderContext = {
  now: () => new Date(NOW_SECONDS * 1000),
  fetch: globalThis.fetch,
  env: {},
}

function makeSource(overrides: Partial<CustomSourceConfig> = {}) {
  const config = { slug: 'render-farm', scheme: 'hmac-sha256-hex', secret: SECRET } as const
  return createCustomSourceProvider({ ...config, ...overrides })
}

function makeRequest(overrides: Partial<RawInboundRequest> = {}): RawInboundRequest {
  return {
    rawBody: Buffer.from(BODY),
    headers: { 'x-webhook-signature': GOOD_HEX },
    query: {},
    jobId: null,
    receivedAt: RECEIVED_AT,
    ...overrides,
  }
}

function signStandard(secret = WHSEC, timestamp = NOW_SECONDS, body = BODY) {
  return {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signStandardWebhook(secret, 'msg_1', timestamp, body),
  }
}

async function refusalOf(config: Partial<CustomSourceConfig>, request: RawInboundRequest) {
  const error = await makeSource(config)
    .verify(request, context)
    .then(
      () => null,
      (caught: unknown) => caught,
    )
  expect(error).toBeInstanceOf(InboundRejection)
  return error as InboundRejection
}

async function normalizeBody(body: unknown) {
  const provider = makeSource({ scheme: 'url-token' })
  const request = makeRequest({
    rawBody: Buffer.from(JSON.stringify(body)),
    query: { token: createUrlToken(SECRET, '9') },
    jobId: '9',
  })
  return provider.normalize(await provider.verify(request, context), request, context)
}

const STANDARD: Partial<CustomSourceConfig> = { scheme: 'standard-webhooks', secret: WHSEC }
const URL_TOKEN: Partial<CustomSourceConfig> = { scheme: 'url-token' }
const PREFIXED: Partial<CustomSourceConfig> = { signature_prefix: 'sha256=' }

describe('custom source verification', () => {
  it('accepts the bearer-token scheme only with the exact token', async () => {
    const bearer: Partial<CustomSourceConfig> = { scheme: 'bearer-token' }
    const accepted = await makeSource(bearer).verify(
      makeRequest({ headers: { authorization: `Bearer ${SECRET}` } }),
      context,
    )
    expect(accepted.externalJobId).toBe('ext_1')
    for (const authorization of [undefined, `Bearer ${SECRET}x`, `Basic ${SECRET}`, 'Bearer ']) {
      const refusal = await refusalOf(
        bearer,
        makeRequest({ headers: authorization ? { authorization } : {} }),
      )
      expect(refusal.code).toBe('invalid_signature')
    }
  })

  it('takes its slug as its provider name', () => {
    expect(makeSource().name).toBe('render-farm')
  })

  it.each<[string, Partial<CustomSourceConfig>, Partial<RawInboundRequest>]>([
    ['an hmac signature in x-webhook-signature by default', {}, {}],
    [
      'an hmac signature in the configured header, whatever its case',
      { header_name: 'X-Render-Signature' },
      { headers: { 'x-render-signature': GOOD_HEX } },
    ],
    [
      'an hmac signature after the configured prefix',
      PREFIXED,
      { headers: { 'x-webhook-signature': `sha256=${GOOD_HEX}` } },
    ],
    ['a Standard Webhooks signature', STANDARD, { headers: signStandard() }],
    [
      'a token made for the job id in the path',
      URL_TOKEN,
      { query: { token: createUrlToken(SECRET, '9') }, jobId: '9' },
    ],
    [
      'a token made for the slug when the path has no job id',
      URL_TOKEN,
      { query: { token: createUrlToken(SECRET, 'render-farm') } },
    ],
  ])('accepts %s', async (_case, config, overrides) => {
    const callback = await makeSource(config).verify(makeRequest(overrides), context)
    expect(callback.externalJobId).toBe('ext_1')
    expect(callback.body).toEqual(JSON.parse(BODY))
  })

  it('accepts the known-good Standard Webhooks vector', async () => {
    const rawBody =
      '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
    const headers = {
      'webhook-id': 'wh_685c059ae39c8190af8c71ed1022a24d',
      'webhook-timestamp': '1750861210',
      'webhook-signature': 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=',
    }
    const request = makeRequest({ rawBody: Buffer.from(rawBody), headers })
    const callback = await makeSource(STANDARD).verify(request, context)
    expect(callback.dedupeKey).toBe('wh_685c059ae39c8190af8c71ed1022a24d')
    expect(callback.eventType).toBe('response.completed')
  })

  it.each<[string, Partial<CustomSourceConfig>, Partial<RawInboundRequest>]>([
    [
      'an hmac signature made with another secret',
      {},
      { headers: { 'x-webhook-signature': signHmacSha256Hex('wrong', BODY) } },
    ],
    ['an hmac-signed body changed after signing', {}, { rawBody: Buffer.from(BODY + ' ') }],
    ['a request without the hmac signature header', {}, { headers: {} }],
    ['an hmac signature without the configured prefix', PREFIXED, {}],
    [
      'an hmac signature with another prefix',
      PREFIXED,
      { headers: { 'x-webhook-signature': `sha1=${GOOD_HEX}` } },
    ],
    [
      'a Standard Webhooks signature made with another secret',
      STANDARD,
      { headers: signStandard(OTHER_WHSEC) },
    ],
    ['a request without the Standard Webhooks headers', STANDARD, { headers: {} }],
    [
      'a Standard Webhooks timestamp 301 s old',
      STANDARD,
      { headers: signStandard(WHSEC, NOW_SECONDS - 301) },
    ],
    [
      'a Standard Webhooks timestamp 301 s in the future',
      STANDARD,
      { headers: signStandard(WHSEC, NOW_SECONDS + 301) },
    ],
    [
      'a token made for another job',
      URL_TOKEN,
      { query: { token: createUrlToken(SECRET, '8') }, jobId: '9' },
    ],
    [
      'a token made with another secret',
      URL_TOKEN,
      { query: { token: createUrlToken('wrong', '9') }, jobId: '9' },
    ],
    ['a request without a token', URL_TOKEN, { jobId: '9' }],
  ])('refuses %s', async (_case, config, overrides) => {
    const rejection = await refusalOf(config, makeRequest(overrides))
    expect([rejection.code, rejection.status]).toEqual(['invalid_signature', 401])
    expect(rejection.message).not.toContain(SECRET)
  })

  it('names the missing header or prefix in its refusal', async () => {
    expect((await refusalOf({}, makeRequest({ headers: {} }))).message).toContain(
      'x-webhook-signature',
    )
    expect((await refusalOf(PREFIXED, makeRequest())).message).toContain('sha256=')
  })

  it('answers 400 invalid_json for a correctly signed body that is not JSON', async () => {
    const rawBody = 'status=completed'
    const headers = { 'x-webhook-signature': signHmacSha256Hex(SECRET, rawBody) }
    const rejection = await refusalOf({}, makeRequest({ rawBody: Buffer.from(rawBody), headers }))
    expect([rejection.code, rejection.status]).toEqual(['invalid_json', 400])
  })
})

describe('custom source dedupe keys', () => {
  async function dedupeKeyOf(body: string, headers: Record<string, string> = {}) {
    const signature = { 'x-webhook-signature': signHmacSha256Hex(SECRET, body) }
    const request = makeRequest({
      rawBody: Buffer.from(body),
      headers: { ...signature, ...headers },
    })
    return (await makeSource().verify(request, context)).dedupeKey
  }

  it('uses the webhook-id header when present', async () => {
    expect(await dedupeKeyOf(BODY, { 'webhook-id': 'msg_9' })).toBe('msg_9')
  })

  it('uses the body event_id, or an id beside a job id', async () => {
    expect(await dedupeKeyOf('{"event_id":"evt_1","id":"x","status":"ok"}')).toBe('evt_1')
    expect(await dedupeKeyOf('{"id":"evt_2","job_id":"ext_1","status":"ok"}')).toBe('evt_2')
  })

  it('hashes the raw body when its only id is the job id, so later statuses are kept', async () => {
    const body = '{"id":"ext_1","status":"running"}'
    expect(await dedupeKeyOf(body)).toBe(createHash('sha256').update(body).digest('hex'))
  })
})

describe('custom source normalization', () => {
  it.each([
    ['queued', ['queued', 'pending', 'starting', 'not-started', 'in_queue', 'IN_QUEUE']],
    ['processing', ['processing', 'running', 'in_progress', 'started', 'uploading']],
    ['completed', ['completed', 'succeeded', 'success', 'ok', 'OK']],
    ['failed', ['failed', 'error', 'timeout', 'incomplete']],
    ['cancelled', ['cancelled', 'canceled', 'aborted']],
  ])('maps to %s the statuses %j', async (expected, words) => {
    for (const status of words) {
      expect((await normalizeBody({ id: 'ext_1', status }))?.status).toBe(expected)
    }
  })

  it('reads the status from state when there is no status', async () => {
    expect((await normalizeBody({ id: 'ext_1', state: 'succeeded' }))?.status).toBe('completed')
  })

  it('returns nothing to update for an unknown or missing status', async () => {
    expect(await normalizeBody({ id: 'ext_1', status: 'archived' })).toBeNull()
    expect(await normalizeBody({ id: 'ext_1' })).toBeNull()
  })

  it('returns nothing to update without an external id or an object body', async () => {
    expect(await normalizeBody({ status: 'completed' })).toBeNull()
    expect(await normalizeBody(['completed'])).toBeNull()
  })

  it('takes the external id from job_id, external_job_id, id, then request_id', async () => {
    const ids = { job_id: 'a', external_job_id: 'b', id: 'c', request_id: 'd' }
    const idOf = async (fields: object) =>
      (await normalizeBody({ ...fields, status: 'ok' }))?.external_job_id
    expect(await idOf(ids)).toBe('a')
    expect(await idOf({ ...ids, job_id: undefined })).toBe('b')
    expect(await idOf({ id: 'c', request_id: 'd' })).toBe('c')
    expect(await idOf({ request_id: 'd' })).toBe('d')
  })

  it.each([
    [0.5, 50],
    [1, 100],
    [75, 75],
    ['50', null],
    [undefined, null],
  ])('normalizes progress %s to %s', async (progress, expected) => {
    const update = await normalizeBody({ id: 'ext_1', status: 'running', progress })
    expect(update?.progress).toBe(expected)
  })

  it('describes a callback as a webhook update under the source slug', async () => {
    const body = { job_id: 'ext_1', status: 'completed', result: { url: 'u' } }
    expect(await normalizeBody(body)).toEqual({
      job_id: '9',
      external_job_id: 'ext_1',
      provider: 'render-farm',
      status: 'completed',
      progress: null,
      result: { url: 'u' },
      error_message: null,
      updated_at: RECEIVED_AT.toISOString(),
      source: 'webhook',
    })
  })

  it('takes updated_at from the body as ISO text or unix seconds', async () => {
    const iso = '2026-02-03T04:05:06.000Z'
    const timeOf = async (fields: object) =>
      (await normalizeBody({ id: 'x', status: 'ok', ...fields }))?.updated_at
    expect(await timeOf({ updated_at: iso })).toBe(iso)
    expect(await timeOf({ timestamp: Date.parse(iso) / 1000 })).toBe(iso)
  })

  it('carries the error message of a failed job, or names the status', async () => {
    const withMessage = await normalizeBody({ id: 'x', status: 'error', error: { message: 'OOM' } })
    expect(withMessage?.error_message).toBe('OOM')
    expect((await normalizeBody({ id: 'x', status: 'timeout' }))?.error_message).toBe('Job timeout')
  })
})

describe('custom source polling', () => {
  it('refuses to poll', async () => {
    const job = { id: 9, provider: 'render-farm', external_id: 'ext_1', status: 'queued' } as Job
    await expect(makeSource().poll(job, context)).rejects.toThrow('Custom sources cannot be polled')
  })
})
