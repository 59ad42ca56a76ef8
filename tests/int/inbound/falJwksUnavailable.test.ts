// A hub that cannot reach fal's JWKS (no network, DNS failure, fal down) cannot judge a fal callback:
// it answers 503 with Retry-After, naming the JWKS URL and the cause, on both serving paths, and
// stores nothing, since nothing was refused and fal retries.
import { generateKeyPairSync } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { POST as postFalCallbackWithJob } from '@/app/api/v1/webhooks/[provider]/[jobId]/route'
import { FAL_JWKS_MIN_REFETCH_INTERVAL_MS } from '@/lib/signing/falJwksKeys'
import { serveFetchHandler } from '@/lib/web/serveFetchHandler'
import { signFalWebhook } from '../../fakes/startFakeFal'
import { bootHub } from '../../helpers/bootHub'
import { startWebListener } from '../../helpers/startWebListener'
import { findFreePort } from '@/lib/process/findFreePort'

let payload: Payload
let web: Awaited<ReturnType<typeof startWebListener>>
let appRouter: { url: string; close(): Promise<void> }
let jwksUrl: string

/** The App Router route handler behind a real HTTP server, called as Next calls it. */
async function startAppRouterServer() {
  const server = createServer((request, response) => {
    const [, , , , provider, jobId] = (request.url ?? '/').split('?')[0]!.split('/')
    void serveFetchHandler(
      request,
      response,
      (fetchRequest) =>
        postFalCallbackWithJob(fetchRequest, {
          params: Promise.resolve({ provider: provider!, jobId: jobId! }),
        }),
      { bodyLimitBytes: 1024 * 1024 },
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

beforeAll(async () => {
  jwksUrl = `http://127.0.0.1:${await findFreePort()}/.well-known/jwks.json`
  process.env.FAL_JWKS_URL = jwksUrl
  payload = await bootHub()
  web = await startWebListener()
  appRouter = await startAppRouterServer()
})

afterAll(async () => {
  await Promise.all([web.close(), appRouter.close()])
})

function webUrl() {
  return `http://127.0.0.1:${web.port}`
}

function postSignedFalCallback(baseUrl: string, requestId: string) {
  const rawBody = JSON.stringify({ request_id: requestId, status: 'OK', payload: { seed: 1 } })
  const headers = signFalWebhook(generateKeyPairSync('ed25519').privateKey, {
    requestId,
    userId: 'user-1',
    timestamp: Math.floor(Date.now() / 1000),
    rawBody,
  })
  return fetch(`${baseUrl}/api/v1/webhooks/fal/7`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: rawBody,
  })
}

async function expectUnavailableAnswer(response: Response) {
  expect(response.status).toBe(503)
  const retryAfter = Number(response.headers.get('retry-after'))
  expect(Number.isInteger(retryAfter)).toBe(true)
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(FAL_JWKS_MIN_REFETCH_INTERVAL_MS / 1000)
  const body = await response.json()
  expect(body.error.code).toBe('verification_unavailable')
  expect(body.error.message).toBe(
    `Cannot verify the fal signature: fal's JWKS at ${jwksUrl} is unavailable ` +
      `(connect ECONNREFUSED ${new URL(jwksUrl).host}); retry later`,
  )
}

async function countFalLogs() {
  const logs = await payload.count({
    collection: 'webhook-logs',
    where: { source: { equals: 'fal' } },
    overrideAccess: true,
  })
  return logs.totalDocs
}

describe('a fal callback while the JWKS is unreachable', () => {
  it('is answered 503 with Retry-After on the production fast path, and logged in one line naming the URL', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await expectUnavailableAnswer(await postSignedFalCallback(webUrl(), 'req_fast_path'))
      const lines = logged.mock.calls.filter((call) => String(call[0]).includes(jwksUrl))
      expect(lines).toHaveLength(1)
      expect(lines[0]).toHaveLength(1)
      expect(lines[0]![0]).toMatch(/^\[inbound\] fal: answering 503 \(retry after \d+ s\): /)
      expect(lines[0]![0]).not.toContain('\n')
    } finally {
      logged.mockRestore()
    }
  })

  it('is answered 503 with Retry-After by the App Router route', async () => {
    await expectUnavailableAnswer(await postSignedFalCallback(appRouter.url, 'req_app_router'))
  })

  it('is not stored as a rejected log: nothing was refused, and fal retries', async () => {
    await postSignedFalCallback(webUrl(), 'req_not_stored')
    expect(await countFalLogs()).toBe(0)
  })
})
