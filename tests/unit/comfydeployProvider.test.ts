import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { InboundRejection } from '@/lib/inbound/inboundRejection'
import { comfydeployProvider } from '@/lib/inbound/providers/comfydeploy'
import type { ProviderContext, RawInboundRequest } from '@/lib/inbound/providers/inboundProvider'
import { createUrlToken, isValidUrlToken } from '@/lib/signing/urlToken'
import type { Job } from '@/payload-types'
import { startFakeComfyDeploy, type FakeComfyDeploy } from '@/tests/fakes/startFakeComfyDeploy'
import { startReceiver, type Receiver } from '@/tests/fakes/startReceiver'

const SECRET = 'webhook-secret-for-tests'
const NOW = new Date('2026-01-01T00:00:00.000Z')
const RECEIVED_AT = new Date('2026-01-01T00:00:05.000Z')

function makeContext(env: ProviderContext['env'] = { WEBHOOK_SECRET: SECRET }): ProviderContext {
  return { now: () => NOW, fetch: globalThis.fetch, env }
}

function makeBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_type: 'run.updated',
    status: 'running',
    live_status: 'KSampler',
    progress: 0.4,
    run_id: 'run_1',
    outputs: [],
    ...fields,
  }
}

function makeRequest(overrides: Partial<RawInboundRequest> = {}): RawInboundRequest {
  return {
    rawBody: Buffer.from(JSON.stringify(makeBody())),
    headers: { 'content-type': 'application/json' },
    query: { token: createUrlToken(SECRET, '42') },
    jobId: '42',
    receivedAt: RECEIVED_AT,
    ...overrides,
  }
}

async function refusalOf(request: RawInboundRequest, context = makeContext()) {
  const error = await comfydeployProvider.verify(request, context).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InboundRejection)
  return error as InboundRejection
}

async function normalizeBody(fields: Record<string, unknown>) {
  const request = makeRequest({ rawBody: Buffer.from(JSON.stringify(makeBody(fields))) })
  const callback = await comfydeployProvider.verify(request, makeContext())
  return comfydeployProvider.normalize(callback, request, makeContext())
}

describe('URL tokens', () => {
  it('accepts only the token made for the same subject with the same secret', () => {
    expect(isValidUrlToken(SECRET, '42', createUrlToken(SECRET, '42'))).toBe(true)
    expect(isValidUrlToken(SECRET, '42', createUrlToken(SECRET, '43'))).toBe(false)
    expect(isValidUrlToken(SECRET, '42', createUrlToken('other-secret', '42'))).toBe(false)
  })

  it('refuses malformed tokens without throwing', () => {
    for (const token of ['', 'abc', 'z'.repeat(32), createUrlToken(SECRET, '42') + '00']) {
      expect(isValidUrlToken(SECRET, '42', token)).toBe(false)
    }
  })
})

describe('ComfyDeploy callback verification', () => {
  it('accepts a callback whose token was made for its job id', async () => {
    const callback = await comfydeployProvider.verify(makeRequest(), makeContext())
    expect(callback.externalJobId).toBe('run_1')
    expect(callback.eventType).toBe('run.updated')
    expect(callback.dedupeKey).toBe('run_1:run.updated:running:0.4')
    expect(callback.body).toMatchObject({ run_id: 'run_1', status: 'running' })
  })

  it('refuses a callback sent without a job id in its path', async () => {
    const rejection = await refusalOf(makeRequest({ jobId: null }))
    expect(rejection.status).toBe(401)
    expect(rejection.message).toBe(
      'ComfyDeploy callbacks must be sent to /api/v1/webhooks/comfydeploy/{jobId}',
    )
  })

  it.each([
    ['without a token', {}],
    ['with a malformed token', { token: 'not-a-token' }],
    ['with a token made for another job', { token: createUrlToken(SECRET, '41') }],
    ['with a token made with another secret', { token: createUrlToken('another-secret', '42') }],
  ])('refuses a callback %s', async (_case, query) => {
    const rejection = await refusalOf(makeRequest({ query }))
    expect(rejection.code).toBe('invalid_signature')
    expect(rejection.message).not.toContain(SECRET)
  })

  it('keys tokens with WEBHOOK_SECRET when set, else with PAYLOAD_SECRET', async () => {
    const request = makeRequest({ query: { token: createUrlToken('payload-secret', '42') } })
    await refusalOf(
      request,
      makeContext({ WEBHOOK_SECRET: SECRET, PAYLOAD_SECRET: 'payload-secret' }),
    )
    const payloadOnly = makeContext({ PAYLOAD_SECRET: 'payload-secret' })
    expect((await comfydeployProvider.verify(request, payloadOnly)).externalJobId).toBe('run_1')
  })

  it('refuses every callback when no secret is configured', async () => {
    const rejection = await refusalOf(makeRequest(), makeContext({}))
    expect(rejection.code).toBe('invalid_signature')
  })

  it.each([
    ['that is not JSON', '{"run_id": '],
    ['without run_id', '{"status":"running"}'],
  ])('answers 400 invalid_json for a body %s', async (_case, body) => {
    const rejection = await refusalOf(makeRequest({ rawBody: Buffer.from(body) }))
    expect([rejection.code, rejection.status]).toEqual(['invalid_json', 400])
  })

  it('gives a redelivered callback the same dedupe key and a new progress a new one', async () => {
    const first = await comfydeployProvider.verify(makeRequest(), makeContext())
    const again = await comfydeployProvider.verify(makeRequest(), makeContext())
    const later = await comfydeployProvider.verify(
      makeRequest({ rawBody: Buffer.from(JSON.stringify(makeBody({ progress: 0.6 }))) }),
      makeContext(),
    )
    expect(again.dedupeKey).toBe(first.dedupeKey)
    expect(later.dedupeKey).not.toBe(first.dedupeKey)
  })
})

describe('ComfyDeploy normalization', () => {
  it.each([
    ['not-started', 'queued'],
    ['queued', 'queued'],
    ['started', 'processing'],
    ['running', 'processing'],
    ['uploading', 'processing'],
    ['success', 'completed'],
    ['failed', 'failed'],
    ['timeout', 'failed'],
    ['cancelled', 'cancelled'],
  ])('maps status %s to %s', async (status, expected) => {
    expect((await normalizeBody({ status }))?.status).toBe(expected)
  })

  it('returns nothing to update for a status it does not know', async () => {
    expect(await normalizeBody({ status: 'api-error' })).toBeNull()
  })

  it.each([
    [0, 0],
    [0.25, 25],
    [1, 100],
    [40, 40],
    [100, 100],
    [250, 100],
    [-1, null],
    [null, null],
  ])('normalizes progress %s to %s', async (progress, expected) => {
    expect((await normalizeBody({ progress }))?.progress).toBe(expected)
  })

  it('describes a running callback as a webhook update of our job', async () => {
    expect(await normalizeBody({})).toEqual({
      job_id: '42',
      external_job_id: 'run_1',
      provider: 'comfydeploy',
      status: 'processing',
      progress: 40,
      result: null,
      error_message: null,
      updated_at: RECEIVED_AT.toISOString(),
      source: 'webhook',
    })
  })

  it('lists output images with their url and filename as the result', async () => {
    const image = { url: 'https://cdn.example/a.png', filename: 'a.png' }
    const outputs = [
      { data: { images: [{ ...image, type: 'output' }] } },
      { data: { text: ['x'] } },
    ]
    const update = await normalizeBody({ event_type: 'run.output', status: 'success', outputs })
    expect(update?.result).toEqual({ images: [image], outputs })
  })

  it('reports a timeout as a failure with its live status', async () => {
    const update = await normalizeBody({ status: 'timeout', live_status: 'Loading model' })
    expect(update?.status).toBe('failed')
    expect(update?.error_message).toBe('ComfyDeploy run timeout: Loading model')
  })
})

describe('ComfyDeploy submit and poll against the fake API', () => {
  let fake: FakeComfyDeploy
  let receiver: Receiver
  let context: ProviderContext

  beforeAll(async () => {
    fake = await startFakeComfyDeploy()
    receiver = await startReceiver()
    context = makeContext({
      WEBHOOK_SECRET: SECRET,
      COMFYDEPLOY_BASE_URL: fake.url,
      COMFYDEPLOY_API_KEY: fake.apiKey,
    })
  })

  afterAll(async () => {
    await fake.close()
    await receiver.close()
  })

  function makeJob(externalId: string): Job {
    return { id: 42, provider: 'comfydeploy', external_id: externalId, status: 'queued' } as Job
  }

  function submitJob(jobId: string, path = `/api/v1/webhooks/comfydeploy/${jobId}`, ctx = context) {
    const webhookUrl = `${receiver.url}${path}`
    return comfydeployProvider.submit!(
      { endpoint: 'dep_1', input: { prompt: 'a cat' }, webhookUrl, jobId },
      ctx,
    )
  }

  it('queues a deployment run with a webhook URL carrying the job token', async () => {
    const submitted = await submitJob('42')
    expect(submitted.status).toBe('queued')
    const run = fake.runs.get(submitted.externalId)
    expect(run).toMatchObject({
      deployment_id: 'dep_1',
      inputs: { prompt: 'a cat' },
      webhook_intermediate_status: true,
    })
    const webhook = new URL(run!.webhook!)
    expect(webhook.pathname).toBe('/api/v1/webhooks/comfydeploy/42')
    expect(isValidUrlToken(SECRET, '42', webhook.searchParams.get('token')!)).toBe(true)
  })

  it('adds the token after a query the webhook URL already has', async () => {
    const submitted = await submitJob('7', '/hook/7?trace=abc')
    const webhook = fake.runs.get(submitted.externalId)!.webhook!
    expect(webhook).toBe(`${receiver.url}/hook/7?trace=abc&token=${createUrlToken(SECRET, '7')}`)
  })

  it('fails the submission when ComfyDeploy refuses the API key', async () => {
    const wrongKey = { ...context, env: { ...context.env, COMFYDEPLOY_API_KEY: 'wrong' } }
    await expect(submitJob('1', '/hook/1', wrongKey)).rejects.toThrow('401')
  })

  it('polls a run for its status, progress and outputs', async () => {
    const { externalId } = await submitJob('42')
    const image = { url: 'https://cdn.example/out.png', filename: 'out.png' }
    await fake.advance(externalId, {
      status: 'success',
      progress: 1,
      outputs: [{ data: { images: [image] } }],
    })
    const update = await comfydeployProvider.poll(makeJob(externalId), context)
    expect(update).toMatchObject({
      job_id: '42',
      external_job_id: externalId,
      provider: 'comfydeploy',
      status: 'completed',
      progress: 100,
      result: { images: [image] },
      source: 'poll',
    })
    expect(update.updated_at).toBe(fake.runs.get(externalId)!.updated_at)
  })

  it('fails a poll for a run ComfyDeploy does not know', async () => {
    await expect(comfydeployProvider.poll(makeJob('missing-run'), context)).rejects.toThrow('404')
  })

  it('verifies and normalizes the callback the fake sends after submit', async () => {
    const { externalId } = await submitJob('42')
    const before = receiver.requests.length
    const answer = await fake.advance(externalId, { status: 'running', progress: 0.5 })
    expect(answer?.status).toBe(200)
    const sent = receiver.requests[before]
    const url = new URL(sent.path, receiver.url)
    const request = makeRequest({
      rawBody: Buffer.from(sent.body),
      headers: { 'content-type': String(sent.headers['content-type']) },
      query: Object.fromEntries(url.searchParams),
    })
    const callback = await comfydeployProvider.verify(request, context)
    const update = await comfydeployProvider.normalize(callback, request, context)
    expect(update).toMatchObject({
      external_job_id: externalId,
      status: 'processing',
      progress: 50,
    })
  })
})
