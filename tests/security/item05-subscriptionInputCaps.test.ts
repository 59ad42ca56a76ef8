// Issue 11, item 5 (subscriptions and event types): custom_filters, headers and bodies are capped, with a
// clear 4xx naming what is too large, on the management API and on Payload REST.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as registerEventType } from '@/app/api/v1/webhooks/event-types/route'
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

const subscription = { name: 'Caps', url: 'https://1.1.1.1/hook', event_types: ['job.completed'] }

function manyKeys(count: number, value: (index: number) => unknown = () => 1) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`k${index}`, value(index)]),
  )
}

function create(body: unknown) {
  return callRoute(createSubscription, '/x', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify(body),
  })
}

async function countSubscriptions() {
  return (await payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs
}

describe('item 5: subscription input caps', () => {
  it('answers 413 to custom_filters with 100,000 keys, before parsing them', async () => {
    const before = await countSubscriptions()
    const response = await create({
      ...subscription,
      filters: { custom_filters: manyKeys(100_000) },
    })
    expect(response.status).toBe(413)
    expect(response.body.error.code).toBe('payload_too_large')
    expect(await countSubscriptions()).toBe(before)
  })

  it('answers 400 naming filters.custom_filters for more than 200 keys within the body limit', async () => {
    const response = await create({ ...subscription, filters: { custom_filters: manyKeys(201) } })
    expect(response.status).toBe(400)
    expect(response.body.error.issues[0].path).toBe('filters.custom_filters')
    expect(response.body.error.message).toContain('more than 200')
  })

  it('answers 400 naming filters.custom_filters when its JSON is larger than 16 KiB', async () => {
    const custom = manyKeys(20, () => 'x'.repeat(1_000))
    const response = await create({ ...subscription, filters: { custom_filters: custom } })
    expect(response.status).toBe(400)
    expect(response.body.error.issues[0].path).toBe('filters.custom_filters')
  })

  it('answers 400 naming headers for more than 50 headers, and for a value over 4,096 characters', async () => {
    const tooMany = await create({ ...subscription, headers: manyKeys(51, () => 'v') })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.issues[0].path).toBe('headers')
    const tooLong = await create({ ...subscription, headers: { 'X-Long': 'v'.repeat(4_097) } })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.issues[0].path).toBe('headers.X-Long')
  })

  it('answers 400 through Payload REST for 100,000 custom_filters keys, and stores nothing', async () => {
    const before = await countSubscriptions()
    const response = await callPayloadRest('POST', 'webhooks', {
      apiKey: adminKey,
      body: { ...subscription, filters: { custom_filters: manyKeys(100_000) } },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toContain('filters.custom_filters')
    expect(await countSubscriptions()).toBe(before)
  })

  it('answers 413 to an event type body over 128 KiB and 400 to a schema over 64 KiB', async () => {
    const huge = await callRoute(registerEventType, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({ name: 'huge.schema', schema: manyKeys(20_000) }),
    })
    expect(huge.status).toBe(413)
    const large = await callRoute(registerEventType, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({ name: 'large.schema', schema: manyKeys(70, () => 'x'.repeat(1_000)) }),
    })
    expect(large.status).toBe(400)
    expect(large.body.error.issues[0].path).toBe('schema')
  })
})
