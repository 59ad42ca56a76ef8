// Issue 11, item 2 (subscriptions and event types): a 5,000-level JSON value in custom_filters or in an
// event type's schema answers 400 naming the field on every write path, instead of a 500.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as registerEventType } from '@/app/api/v1/webhooks/event-types/route'
import { PATCH as patchSubscription } from '@/app/api/v1/webhooks/subscriptions/[id]/route'
import { POST as createSubscription } from '@/app/api/v1/webhooks/subscriptions/route'
import { bootHub } from '../helpers/bootHub'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload
let adminKey: string

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
})

// Written as text: building it as an object and stringifying it would overflow in the test itself.
const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`
const DEEP = deepJson(5_000)

const subscriptionJson = (customFilters: string) =>
  `{"name":"Deep","url":"https://1.1.1.1/hook","event_types":["job.completed"],` +
  `"filters":{"custom_filters":${customFilters}}}`

async function count(collection: 'webhooks' | 'event-types') {
  return (await payload.count({ collection, overrideAccess: true })).totalDocs
}

describe('item 2: deeply nested JSON fields', () => {
  it('answers 400 naming filters.custom_filters on POST /api/v1/webhooks/subscriptions', async () => {
    const before = await count('webhooks')
    const response = await callRoute(createSubscription, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: subscriptionJson(DEEP),
    })
    expect(response.status).toBe(400)
    expect(response.body.error.issues[0].path).toBe('filters.custom_filters')
    expect(response.body.error.message).toContain('deeper than 32')
    expect(await count('webhooks')).toBe(before)
  })

  it('answers 400 on PATCH of an existing subscription and leaves it as it was', async () => {
    const created = await callRoute(createSubscription, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: subscriptionJson('{"job_type":"render"}'),
    })
    expect(created.status).toBe(201)
    const patched = await callRoute(patchSubscription, '/x', {
      method: 'PATCH',
      apiKey: adminKey,
      params: { id: created.body.data.id },
      body: `{"filters":{"custom_filters":${DEEP}}}`,
    })
    expect(patched.status).toBe(400)
    expect(patched.body.error.issues[0].path).toBe('filters.custom_filters')
    const stored = await payload.findByID({
      collection: 'webhooks',
      id: created.body.data.id,
      overrideAccess: true,
    })
    expect(stored.filters?.custom_filters).toEqual({ job_type: 'render' })
  })

  it('accepts nesting up to 32 levels', async () => {
    const response = await callRoute(createSubscription, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: subscriptionJson(deepJson(32)),
    })
    expect(response.status).toBe(201)
  })

  it('answers 400 naming schema on POST /api/v1/webhooks/event-types', async () => {
    const before = await count('event-types')
    const response = await callRoute(registerEventType, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: `{"name":"deep.schema","schema":${DEEP}}`,
    })
    expect(response.status).toBe(400)
    expect(response.body.error.issues[0].path).toBe('schema')
    expect(await count('event-types')).toBe(before)
  })

  it('answers 400 naming the field through Payload REST for both collections', async () => {
    const beforeWebhooks = await count('webhooks')
    const webhook = await callPayloadRest('POST', 'webhooks', {
      apiKey: adminKey,
      rawBody: subscriptionJson(DEEP),
    })
    expect(webhook.status).toBe(400)
    expect(JSON.stringify(webhook.body.errors)).toContain('filters.custom_filters')
    expect(await count('webhooks')).toBe(beforeWebhooks)

    const eventType = await callPayloadRest('POST', 'event-types', {
      apiKey: adminKey,
      rawBody: `{"name":"deep.schema","schema":${DEEP}}`,
    })
    expect(eventType.status).toBe(400)
    expect(JSON.stringify(eventType.body.errors)).toContain('schema')

    const registered = await callPayloadRest('POST', 'event-types', {
      apiKey: adminKey,
      body: { name: 'shallow.schema', schema: { type: 'object' } },
    })
    expect(registered.status).toBe(201)
    const patched = await callPayloadRest('PATCH', `event-types/${registered.body.doc.id}`, {
      apiKey: adminKey,
      rawBody: `{"schema":${DEEP}}`,
    })
    expect(patched.status).toBe(400)
    expect(JSON.stringify(patched.body.errors)).toContain('schema')
  })
})
