// Seed 004 (fal / Last Frame with Payload webhook logs) as a conformance test: its own WebhookTester and
// signature code, unchanged, against the real hub over HTTP; the media step; the tester as an action.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// A port nothing listens on, chosen before the imports read the environment. The hub's inbound server
// serves the development fal JWKS, so fal callbacks signed with the development key verify.
const hubPort = await vi.hoisted(async () => {
  const { findFreePort } = await import('@/lib/process/findFreePort')
  const port = await findFreePort()
  process.env.WEBHOOK_BASE_URL = `http://127.0.0.1:${port}`
  process.env.FAL_JWKS_URL = `http://127.0.0.1:${port}/api/v1/dev/fal-jwks`
  // The seed's own environment names and placeholder values.
  process.env.LASTFRAME_WEBHOOK_SECRET = 'your_lastframe_webhook_secret'
  process.env.FAL_WEBHOOK_SECRET = 'your_fal_webhook_secret'
  return port
})

import { POST as retryLog } from '@/app/api/v1/webhooks/logs/[id]/retry/route'
import { POST as testSource } from '@/app/api/v1/webhooks/sources/[slug]/test/route'
import { sendTrigger } from '@/lib/devtools/sendTrigger'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { bootHub } from '../helpers/bootHub'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'
import { startHubInboundServer } from '../helpers/startHubInboundServer'
import { startTestInboundLoop } from '../helpers/startTestInboundLoop'
import { waitFor } from '../helpers/waitFor'
import { generateWebhookSignature } from './seed004/security'
import { WebhookTester } from './seed004/testing'

let payload: Payload
let operatorKey: string
let viewerKey: string
let hub: { url: string; close(): Promise<void> }
let loop: WorkerLoop

beforeAll(async () => {
  payload = await bootHub()
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  viewerKey = (await createTestUser(payload, 'viewer')).apiKey
  hub = await startHubInboundServer(hubPort)
  loop = startTestInboundLoop(payload)
  // The one change seed 004's fal clients need: their HMAC `x-fal-signature` is not fal's own scheme,
  // so they post to a custom source that verifies it exactly as the seed's route did.
  await payload.create({
    collection: 'inbound-sources',
    overrideAccess: true,
    data: {
      slug: 'fal-seed',
      name: "Seed 004's fal route",
      scheme: 'hmac-sha256-hex',
      secret: process.env.FAL_WEBHOOK_SECRET!,
      header_name: 'x-fal-signature',
    },
  })
})

afterAll(async () => {
  await loop.drain()
  await hub.close()
})

const findMedia = (url: string) =>
  payload
    .find({ collection: 'media', where: { url: { equals: url } }, depth: 0, overrideAccess: true })
    .then((found) => found.docs)

/** The seed's generator returns a union of its payloads; the tests read the fields they sent. */
const sent = (testPayload: object) =>
  testPayload as { job_id?: string; metadata: { project_id: string } }

const countLogs = () =>
  payload.count({ collection: 'webhook-logs', overrideAccess: true }).then((c) => c.totalDocs)

function callTester(slug: string, body: unknown = {}, apiKey = operatorKey) {
  return callRoute(testSource, `/api/v1/webhooks/sources/${slug}/test`, {
    method: 'POST',
    apiKey,
    body: JSON.stringify(body),
    params: { slug },
  })
}

/** Seed 004's testLocalWebhook, for Last Frame; only the URL points at the local hub. */
function sendLastFrameTest(testPayload: object) {
  return WebhookTester.testWebhook(`${hub.url}/api/v1/webhooks/lastframe`, testPayload, {
    'x-lastframe-signature': generateWebhookSignature(
      JSON.stringify(testPayload),
      process.env.LASTFRAME_WEBHOOK_SECRET!,
    ),
  })
}

describe('seed 004: media of completed jobs', () => {
  it("records the seed's Last Frame test callback as one generated video, however often it is processed", async () => {
    const testPayload = WebhookTester.generateTestPayload('lastframe', 'processing.completed')
    const result = await sendLastFrameTest(testPayload)
    expect(result).toMatchObject({ success: true, status: 200 })
    const logId = JSON.parse(result.response!).id as string

    const [media] = await waitFor(
      () => findMedia('https://example.com/stitched-video.mp4'),
      (docs) => docs.length > 0,
    )
    const job = await payload.findByID({
      collection: 'jobs',
      id: media!.job as number,
      overrideAccess: true,
      depth: 0,
    })
    expect(job).toMatchObject({ provider: 'lastframe', external_id: sent(testPayload).job_id })
    expect(job.status).toBe('completed')
    expect(media).toMatchObject({
      media_type: 'generated-video',
      provider: 'lastframe',
      project_id: sent(testPayload).metadata.project_id,
      duration: 120,
      width: null,
      height: null,
    })

    const retried = await callRoute(retryLog, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      params: { id: logId },
    })
    expect(retried.body.data.log.status).toBe('processed')
    const again = await sendLastFrameTest(testPayload)
    expect(JSON.parse(again.response!)).toMatchObject({ id: logId, duplicate: true })
    expect(await findMedia('https://example.com/stitched-video.mp4')).toHaveLength(1)
  })

  it("lets any signed-in user read media by job (the job page's list), and only the hub write them", async () => {
    const [media] = await findMedia('https://example.com/stitched-video.mp4')
    const listed = await callPayloadRest(
      'GET',
      `media?where[job][equals]=${media!.job}&depth=0&limit=50&sort=createdAt`,
      { apiKey: viewerKey },
    )
    expect(listed.status).toBe(200)
    expect(listed.body.docs.map((doc: { url: string }) => doc.url)).toEqual([
      'https://example.com/stitched-video.mp4',
    ])
    expect((await callPayloadRest('GET', 'media')).status).toBe(403)
    const created = await callPayloadRest('POST', 'media', {
      apiKey: operatorKey,
      body: { url: 'https://x.example/a.png', media_type: 'generated-image', provider: 'fal' },
    })
    expect(created.status).toBe(403)
  })

  it("records a fal completion's images with their size (fal's wire format, development key)", async () => {
    const triggered = await sendTrigger({
      name: 'fal.completed',
      baseUrl: hub.url,
      jobId: null,
      set: [],
      env: process.env,
    })
    expect(triggered.status).toBe(200)
    const docs = await waitFor(
      () => findMedia('https://fal.media/files/sample/image.png'),
      (found) => found.length > 0,
    )
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      media_type: 'generated-image',
      provider: 'fal',
      width: 1024,
      height: 1024,
      duration: null,
    })
  })

  it("records the seed's own fal payload, signed as the seed signs it, through a custom source", async () => {
    const testPayload = WebhookTester.generateTestPayload('fal', 'generation.completed')
    const result = await WebhookTester.testWebhook(
      `${hub.url}/api/v1/webhooks/fal-seed`,
      testPayload,
      {
        'x-fal-signature': generateWebhookSignature(
          JSON.stringify(testPayload),
          process.env.FAL_WEBHOOK_SECRET!,
        ),
      },
    )
    expect(result).toMatchObject({ success: true, status: 200 })
    const docs = await waitFor(
      () =>
        payload
          .find({
            collection: 'media',
            where: { project_id: { equals: sent(testPayload).metadata.project_id } },
            overrideAccess: true,
            depth: 0,
          })
          .then((found) => found.docs),
      (found) => found.length > 0,
    )
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      url: 'https://example.com/generated-image.jpg',
      media_type: 'generated-image',
      provider: 'fal-seed',
      width: 1024,
      height: 1024,
    })
  })

  it("refuses the seed tester's callback signed with another secret, and records nothing", async () => {
    const testPayload = WebhookTester.generateTestPayload('lastframe', 'processing.completed')
    const result = await WebhookTester.testWebhook(
      `${hub.url}/api/v1/webhooks/lastframe`,
      testPayload,
      { 'x-lastframe-signature': generateWebhookSignature(JSON.stringify(testPayload), 'wrong') },
    )
    expect(result).toMatchObject({ success: false, status: 401 })
    expect(JSON.parse(result.response!).error.code).toBe('invalid_signature')
  })
})

describe('seed 004: WebhookTester as an action on an inbound source', () => {
  it('accepts a sample signed with the configured secret, through the real verification, storing nothing', async () => {
    const logsBefore = await countLogs()
    const tested = await callTester('fal-seed')
    expect(tested.status).toBe(200)
    expect(tested.body.data).toMatchObject({
      source: 'fal-seed',
      verdict: 'accepted',
      status: 200,
      reason: null,
      signed_with: 'configured-secret',
      sent: { path: '/api/v1/webhooks/fal-seed' },
    })
    expect(tested.body.data.sent.header_names).toContain('x-fal-signature')
    expect(JSON.stringify(tested.body)).not.toContain(process.env.FAL_WEBHOOK_SECRET!)
    expect(await countLogs()).toBe(logsBefore)
  })

  it('rejects a sample signed with a secret that is not the configured one, with the reason', async () => {
    const logsBefore = await countLogs()
    const tested = await callTester('fal-seed', { secret: 'not-the-secret' })
    expect(tested.status).toBe(200)
    expect(tested.body.data).toMatchObject({
      verdict: 'rejected',
      status: 401,
      reason: 'invalid_signature: Signature does not match the body',
      signed_with: 'given-secret',
    })
    expect(JSON.stringify(tested.body)).not.toContain('not-the-secret')
    expect(await countLogs()).toBe(logsBefore)
  })

  it('tests every built-in provider with its own signing scheme', async () => {
    for (const provider of ['fal', 'openai', 'replicate', 'comfydeploy', 'lastframe']) {
      const tested = await callTester(provider)
      expect(tested.body.data, provider).toMatchObject({ verdict: 'accepted', status: 200 })
    }
    expect((await callTester('fal')).body.data.signed_with).toBe('development-fal-key')
    const wrong = await callTester('lastframe', { secret: 'not-the-secret' })
    expect(wrong.body.data).toMatchObject({
      verdict: 'rejected',
      reason: 'invalid_signature: Last Frame signature does not match the body',
    })
  })

  it('signs by each custom scheme: Standard Webhooks, a URL token and a bearer token', async () => {
    for (const [slug, scheme, secret] of [
      ['sw-source', 'standard-webhooks', 'whsec_c3ctc291cmNlLXNlY3JldC1mb3ItdGVzdHM='],
      ['token-source', 'url-token', 'token-source-secret'],
      ['bearer-source', 'bearer-token', 'bearer-source-secret'],
    ] as const) {
      await payload.create({
        collection: 'inbound-sources',
        overrideAccess: true,
        data: { slug, name: slug, scheme, secret },
      })
      const accepted = await callTester(slug)
      expect(accepted.body.data, slug).toMatchObject({ verdict: 'accepted', status: 200 })
      const refused = await callTester(slug, { secret: 'whsec_b3RoZXItc2VjcmV0' })
      expect(refused.body.data, slug).toMatchObject({ verdict: 'rejected', status: 401 })
      expect(refused.body.data.reason, slug).toMatch(/^invalid_signature: /)
      expect(JSON.stringify(accepted.body), slug).not.toContain(secret)
    }
  })

  it('judges the signature of a source behind an IP allowlist, not the address of the tester', async () => {
    await payload.create({
      collection: 'inbound-sources',
      overrideAccess: true,
      data: {
        slug: 'fenced-source',
        name: 'Fenced',
        scheme: 'hmac-sha256-hex',
        secret: 'fenced-source-secret',
        allowed_ips: '203.0.113.0/24',
      },
    })
    expect((await callTester('fenced-source')).body.data).toMatchObject({ verdict: 'accepted' })
    const wrong = await callTester('fenced-source', { secret: 'another-secret' })
    expect(wrong.body.data.reason).toMatch(/^invalid_signature: /)
  })

  it('judges an inactive source as a provider would meet it: unknown', async () => {
    await payload.create({
      collection: 'inbound-sources',
      overrideAccess: true,
      data: {
        slug: 'paused-source',
        name: 'Paused',
        scheme: 'standard-webhooks',
        secret: 'whsec_cGF1c2VkLXNvdXJjZS1zZWNyZXQ=',
        active: false,
      },
    })
    const tested = await callTester('paused-source')
    expect(tested.body.data).toMatchObject({ verdict: 'rejected', status: 404 })
    expect(tested.body.data.reason).toMatch(/^unknown_provider: /)
  })

  it('answers 400 listing every problem, 404 for no such source, 403 below operator', async () => {
    const bad = await callTester('fal-seed', { secret: 5, extra: true })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      '(root)',
      'secret',
    ])
    const falSecret = await callTester('fal', { secret: 'x' })
    expect(falSecret.status).toBe(400)
    expect(falSecret.body.error.issues[0].path).toBe('secret')
    expect((await callTester('no-such-source')).status).toBe(404)
    expect((await callTester('fal-seed', {}, viewerKey)).status).toBe(403)
  })
})
