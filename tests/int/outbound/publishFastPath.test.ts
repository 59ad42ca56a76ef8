import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as createSubscription } from '@/app/api/v1/webhooks/subscriptions/route'
import { PUBLISH_BODY_LIMIT_BYTES } from '@/lib/events/publishLimits'
import { routeFastPath } from '@/lib/web/routeFastPath'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'

let payload: Payload
let operatorKey: string
let server: Server
let baseUrl: string

beforeAll(async () => {
  payload = await bootHub()
  const adminKey = (await createTestUser(payload, 'admin')).apiKey
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  const subscribed = await callRoute(createSubscription, '/x', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({
      name: 'Reports',
      url: 'http://127.0.0.1:9/hook',
      event_types: ['report.generated'],
    }),
  })
  expect(subscribed.status).toBe(201)
  // What scripts/web.ts does, with a 404 standing in for Next.
  server = createServer((request, response) => {
    if (!routeFastPath(request, response)) response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function post(path: string, body: string, apiKey: string | null = operatorKey) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body,
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

async function deliveriesOf(eventId: string) {
  const { totalDocs } = await payload.count({
    collection: 'webhook-deliveries',
    where: { event_id: { equals: eventId } },
    overrideAccess: true,
  })
  return totalDocs
}

describe('node:http fast path for publishing', () => {
  it('publishes a single event with the management API envelope', async () => {
    const response = await post(
      '/api/v1/webhooks/events',
      JSON.stringify({ event_type: 'report.generated', data: { report_id: 'fast' } }),
    )
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(response.body).toEqual({
      success: true,
      data: {
        event_id: expect.stringMatching(/^evt_/),
        event_type: 'report.generated',
        deliveries_created: 1,
        delivery_ids: [expect.any(String)],
        duplicate: false,
      },
      timestamp: expect.any(String),
    })
    expect(await deliveriesOf(response.body.data.event_id)).toBe(1)
  })

  it('publishes a batch with a result per event', async () => {
    const response = await post(
      '/api/v1/webhooks/events/batch',
      JSON.stringify({
        events: [
          { event_type: 'report.generated', data: { report_id: '1' }, event_id: 'evt_fast_1' },
          { event_type: 'report.generated', data: 'bad' },
          { event_type: 'report.generated', data: { report_id: '3' }, event_id: 'evt_fast_3' },
        ],
      }),
    )
    expect(response.status).toBe(200)
    expect(response.body.success).toBe(true)
    expect(response.body.data).toMatchObject({ published: 2, duplicates: 0, failed: 1 })
    expect(response.body.data.results[1]).toMatchObject({ index: 1, ok: false, status: 400 })
    expect(await deliveriesOf('evt_fast_1')).toBe(1)
    expect(await deliveriesOf('evt_fast_3')).toBe(1)
  })

  it('answers 400 with the zod issues for bad input and 401 without a key', async () => {
    const invalid = await post('/api/v1/webhooks/events', JSON.stringify({ event_type: 'x' }))
    expect(invalid.status).toBe(400)
    expect(invalid.body.success).toBe(false)
    expect(invalid.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(['event_type', 'data']),
    )
    const anonymous = await post('/api/v1/webhooks/events', '{}', null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.code).toBe('unauthorized')
  })

  it('answers 413 as JSON and closes the connection for a body over 5 MiB', async () => {
    const response = await post(
      '/api/v1/webhooks/events/batch',
      JSON.stringify({ events: [], padding: 'x'.repeat(PUBLISH_BODY_LIMIT_BYTES) }),
    )
    expect(response.status).toBe(413)
    expect(response.body).toMatchObject({
      success: false,
      error: { code: 'payload_too_large' },
    })
    expect(response.headers.get('connection')).toBe('close')
  })

  it('still answers provider callbacks with the inbound handler', async () => {
    const response = await post('/api/v1/webhooks/no-such-provider', '{}', null)
    expect(response.status).toBe(404)
    expect(response.body.error.code).toBe('unknown_provider')
  })

  it('leaves other methods and paths to Next', async () => {
    expect((await fetch(`${baseUrl}/api/v1/webhooks/events`, { method: 'PUT' })).status).toBe(404)
    expect(
      (await fetch(`${baseUrl}/api/v1/webhooks/subscriptions`, { method: 'POST' })).status,
    ).toBe(404)
    expect((await fetch(`${baseUrl}/api/v1/webhooks/subscriptions/1`)).status).toBe(404)
  })

  it('answers the management lists with the same envelope and authentication', async () => {
    for (const path of [
      '/api/v1/webhooks/subscriptions',
      '/api/v1/webhooks/events?type=job.*',
      '/api/v1/webhooks/logs',
      '/api/v1/jobs',
    ]) {
      const answer = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${operatorKey}` },
      })
      expect(answer.status, path).toBe(200)
      const body = (await answer.json()) as { success: boolean; data: { items: unknown[] } }
      expect(body.success, path).toBe(true)
      expect(Array.isArray(body.data.items), path).toBe(true)
      expect((await fetch(`${baseUrl}${path}`)).status, path).toBe(401)
    }
    const refused = await fetch(`${baseUrl}/api/v1/webhooks/events?since=yesterday`, {
      headers: { authorization: `Bearer ${operatorKey}` },
    })
    expect(refused.status).toBe(400)
  })
})
