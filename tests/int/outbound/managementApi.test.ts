import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.ALLOW_PRIVATE_TARGETS = 'false'
})

import { GET as getDelivery } from '@/app/api/v1/webhooks/deliveries/[id]/route'
import { POST as replay } from '@/app/api/v1/webhooks/deliveries/[id]/replay/route'
import {
  GET as eventTypes,
  POST as registerEventType,
} from '@/app/api/v1/webhooks/event-types/route'
import { POST as publish } from '@/app/api/v1/webhooks/events/route'
import { GET as listDeliveries } from '@/app/api/v1/webhooks/subscriptions/[id]/deliveries/route'
import { POST as recover } from '@/app/api/v1/webhooks/subscriptions/[id]/recover/route'
import { POST as rotate } from '@/app/api/v1/webhooks/subscriptions/[id]/rotate-secret/route'
import {
  DELETE as deleteSubscription,
  GET as getSubscription,
  PATCH as patchSubscription,
  PUT as putSubscription,
} from '@/app/api/v1/webhooks/subscriptions/[id]/route'
import { POST as sendTest } from '@/app/api/v1/webhooks/subscriptions/[id]/test/route'
import { POST as create } from '@/app/api/v1/webhooks/subscriptions/route'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'

let payload: Payload
let adminKey: string
let operatorKey: string
let viewerKey: string

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  viewerKey = (await createTestUser(payload, 'viewer')).apiKey
})

const validSubscription = {
  name: 'Billing',
  url: 'https://1.1.1.1/webhooks',
  event_types: ['job.*', 'report.generated'],
}

async function countRows(collection: 'webhooks' | 'webhook-deliveries') {
  return (await payload.count({ collection, overrideAccess: true })).totalDocs
}

async function createValid(extra: Record<string, unknown> = {}) {
  const response = await callRoute(create, '/x', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({ ...validSubscription, ...extra }),
  })
  expect(response.status).toBe(201)
  return response.body.data
}

describe('subscriptions API', () => {
  it('returns a generated whsec_ secret once on create and never again', async () => {
    const created = await createValid()
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    expect(created.retry_config).toEqual({
      max_attempts: 3,
      initial_delay_ms: 1000,
      backoff_multiplier: 2,
      max_delay_ms: 30000,
    })
    const fetched = await callRoute(getSubscription, '/x', {
      apiKey: viewerKey,
      params: { id: created.id },
    })
    expect(fetched.status).toBe(200)
    expect(JSON.stringify(fetched.body)).not.toContain(created.secret)
    expect(fetched.body.data).not.toHaveProperty('secret')
    expect(fetched.body.data.secret_hint).toBe(`…${created.secret.slice(-4)}`)
  })

  it.each([
    [{ ...validSubscription, url: 'ftp://example.com' }, 'url'],
    [{ ...validSubscription, url: 'not a url' }, 'url'],
    [{ ...validSubscription, event_types: [] }, 'event_types'],
    [{ ...validSubscription, event_types: ['Job Completed'] }, 'event_types.0'],
    [{ ...validSubscription, retry_config: { max_attempts: 0 } }, 'retry_config.max_attempts'],
    [{ ...validSubscription, headers: { 'webhook-signature': 'forged' } }, 'headers'],
    [{ ...validSubscription, secret: 'plain' }, 'secret'],
    [{ ...validSubscription, name: '' }, 'name'],
  ])('answers 400 naming the field and creates nothing for %j', async (body, field) => {
    const before = await countRows('webhooks')
    const response = await callRoute(create, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('validation_error')
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toContain(field)
    expect(await countRows('webhooks')).toBe(before)
  })

  it('answers 400 invalid_json for a body that is not JSON', async () => {
    const response = await callRoute(create, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: '{"name":',
    })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('invalid_json')
  })

  it.each([
    ['http://localhost:8080/hook', 'a hostname that resolves to 127.0.0.1'],
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://169.254.169.254/latest/meta-data', 'the metadata address'],
    ['https://[::ffff:10.0.0.1]/hook', 'an IPv4-mapped private address'],
    ['https://100.64.0.1/hook', 'CGNAT'],
    ['http://1.1.1.1/hook', 'plain http outside development'],
  ])('refuses %s (%s) without ALLOW_PRIVATE_TARGETS', async (url) => {
    const before = await countRows('webhooks')
    const response = await callRoute(create, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({ ...validSubscription, url }),
    })
    expect(response.status).toBe(400)
    expect(response.body.error.issues[0].path).toBe('url')
    expect(await countRows('webhooks')).toBe(before)
  })

  it('answers 400 to an http:// target saying how to allow local receivers in development', async () => {
    const response = await callRoute(create, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({ ...validSubscription, url: 'http://127.0.0.1:4400' }),
    })
    expect(response.status).toBe(400)
    expect(response.body.error.issues[0]).toMatchObject({
      path: 'url',
      message:
        'Refusing http: URL: targets must use https. For local receivers in development, set ' +
        'ALLOW_PRIVATE_TARGETS=true on the hub (`npm run dev` sets it)',
    })
  })

  it('lets only admins create, and answers 403 to an operator', async () => {
    const response = await callRoute(create, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify(validSubscription),
    })
    expect(response.status).toBe(403)
    expect(response.body.error.code).toBe('forbidden')
  })

  it('patches only the fields sent, replaces with PUT, and deletes', async () => {
    const created = await createValid({ description: 'first', filters: { job_types: ['image'] } })
    const patched = await callRoute(patchSubscription, '/x', {
      method: 'PATCH',
      apiKey: adminKey,
      params: { id: created.id },
      body: JSON.stringify({ active: false }),
    })
    expect(patched.body.data).toMatchObject({
      active: false,
      description: 'first',
      disabled_reason: 'Disabled by an operator.',
    })
    expect(patched.body.data.filters.job_types).toEqual(['image'])

    const badPatch = await callRoute(patchSubscription, '/x', {
      method: 'PATCH',
      apiKey: adminKey,
      params: { id: created.id },
      body: JSON.stringify({ retry_config: { backoff_multiplier: 100 } }),
    })
    expect(badPatch.status).toBe(400)
    expect(badPatch.body.error.issues[0].path).toBe('retry_config.backoff_multiplier')

    const replaced = await callRoute(putSubscription, '/x', {
      method: 'PUT',
      apiKey: adminKey,
      params: { id: created.id },
      body: JSON.stringify({ ...validSubscription, name: 'Replaced' }),
    })
    expect(replaced.body.data).toMatchObject({
      name: 'Replaced',
      active: true,
      description: '',
      disabled_reason: null,
    })
    expect(replaced.body.data.filters.job_types).toEqual([])

    const deleted = await callRoute(deleteSubscription, '/x', {
      method: 'DELETE',
      apiKey: adminKey,
      params: { id: created.id },
    })
    expect(deleted.body.data).toEqual({ id: created.id, deleted: true })
    const gone = await callRoute(getSubscription, '/x', {
      apiKey: adminKey,
      params: { id: created.id },
    })
    expect(gone.status).toBe(404)
    const nonsense = await callRoute(getSubscription, '/x', {
      apiKey: adminKey,
      params: { id: '../etc' },
    })
    expect(nonsense.status).toBe(404)
  })

  it('answers 400 naming the field for bad recover, rotate and test bodies, and 404 for unknown ids', async () => {
    const created = await createValid()
    const params = { id: created.id }
    const badRecover = await callRoute(recover, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      params,
      body: '{"since":"yesterday"}',
    })
    expect(badRecover.body.error.issues[0].path).toBe('since')
    const badRotate = await callRoute(rotate, '/x', {
      method: 'POST',
      apiKey: adminKey,
      params,
      body: '{"secret":"nope"}',
    })
    expect(badRotate.body.error.issues[0].path).toBe('secret')
    const badTest = await callRoute(sendTest, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      params,
      body: '{"event_type":"NOT VALID"}',
    })
    expect(badTest.body.error.issues[0].path).toBe('event_type')
    const badStatus = await callRoute(listDeliveries, '/x?status=lost', {
      apiKey: viewerKey,
      params,
    })
    expect(badStatus.body.error.issues[0].path).toBe('status')
    expect(await countRows('webhook-deliveries')).toBe(0)
    const unknown = await callRoute(getDelivery, '/x', {
      apiKey: viewerKey,
      params: { id: '999999' },
    })
    expect(unknown.status).toBe(404)
    const viewerReplay = await callRoute(replay, '/x', {
      method: 'POST',
      apiKey: viewerKey,
      params: { id: '1' },
    })
    expect(viewerReplay.status).toBe(403)
  })
})

describe('events API', () => {
  it('answers 400 naming the field for an unknown type or bad data, and creates no delivery', async () => {
    await createValid()
    for (const [body, field] of [
      [{ event_type: 'nope.never', data: {} }, 'event_type'],
      [{ event_type: 'job.completed', data: { job_type: 'x' } }, 'data.job_id'],
      [{ event_type: 'job.completed' }, 'data'],
      [{ event_type: 'job.completed', data: { job_id: 'j', progress: 200 } }, 'data.progress'],
    ] as const) {
      const response = await callRoute(publish, '/x', {
        method: 'POST',
        apiKey: operatorKey,
        body: JSON.stringify(body),
      })
      expect(response.status).toBe(400)
      expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toContain(
        field,
      )
    }
    expect(await countRows('webhook-deliveries')).toBe(0)
  })

  it('publishes once per event_id: a repeat answers duplicate and creates nothing', async () => {
    const body = JSON.stringify({
      event_type: 'report.generated',
      data: { report_id: 'r' },
      event_id: 'evt_fixed_1',
    })
    const first = await callRoute(publish, '/x', { method: 'POST', apiKey: operatorKey, body })
    expect(first.status).toBe(201)
    expect(first.body.data.deliveries_created).toBeGreaterThan(0)
    const repeat = await callRoute(publish, '/x', { method: 'POST', apiKey: operatorKey, body })
    expect(repeat.status).toBe(200)
    expect(repeat.body.data).toMatchObject({ duplicate: true, deliveries_created: 0 })
  })

  it('serves the catalog with JSON Schemas and accepts custom types registered by operators', async () => {
    const registered = await callRoute(registerEventType, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify({ name: 'invoice.paid', description: 'An invoice was paid' }),
    })
    expect(registered.status).toBe(201)
    const duplicate = await callRoute(registerEventType, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify({ name: 'invoice.paid' }),
    })
    expect(duplicate.status).toBe(409)
    const builtIn = await callRoute(registerEventType, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify({ name: 'job.completed' }),
    })
    expect(builtIn.status).toBe(400)

    const catalog = await callRoute(eventTypes, '/x', { apiKey: viewerKey })
    const byName = new Map(
      catalog.body.data.items.map((item: { name: string }) => [item.name, item]),
    )
    for (const name of [
      'job.submitted',
      'job.status_changed',
      'machine.startup',
      'worker.disconnected',
      'user.subscription_changed',
      'content.updated',
      'report.generated',
      'invoice.paid',
    ]) {
      expect(byName.has(name)).toBe(true)
    }
    expect(byName.get('job.completed')).toMatchObject({
      schema: { type: 'object', required: ['job_id'] },
    })

    const custom = await callRoute(publish, '/x', {
      method: 'POST',
      apiKey: operatorKey,
      body: JSON.stringify({ event_type: 'invoice.paid', data: { amount: 10 } }),
    })
    expect(custom.status).toBe(201)
  })
})
