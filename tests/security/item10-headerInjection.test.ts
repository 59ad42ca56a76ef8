// Issue 11, item 10: a header value with CR or LF is refused at save, naming the header, on every path.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

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

const subscription = {
  name: 'Receiver',
  url: 'https://1.1.1.1/hook',
  event_types: ['job.completed'],
}

const injections = [
  ['CR LF', 'key\r\nX-Injected: 1'],
  ['a bare LF', 'key\nX-Injected: 1'],
  ['a bare CR', 'key\rX-Injected: 1'],
  ['a NUL', 'key\u0000'],
]

async function countSubscriptions() {
  return (await payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs
}

describe('item 10: header values with line breaks', () => {
  it.each(injections)(
    'answers 400 naming the header for a value with %s on POST, and stores nothing',
    async (_kind, value) => {
      const before = await countSubscriptions()
      const response = await callRoute(createSubscription, '/x', {
        method: 'POST',
        apiKey: adminKey,
        body: JSON.stringify({ ...subscription, headers: { 'X-Api-Key': value } }),
      })
      expect(response.status).toBe(400)
      expect(response.body.error.code).toBe('validation_error')
      expect(response.body.error.issues[0].path).toBe('headers.X-Api-Key')
      expect(await countSubscriptions()).toBe(before)
    },
  )

  it('answers 400 to a PATCH that would add an injected header, and keeps the old headers', async () => {
    const created = await callRoute(createSubscription, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({ ...subscription, headers: { 'X-Tenant': 'acme' } }),
    })
    expect(created.status).toBe(201)
    const patched = await callRoute(patchSubscription, '/x', {
      method: 'PATCH',
      apiKey: adminKey,
      params: { id: created.body.data.id },
      body: JSON.stringify({ headers: { 'X-Tenant': 'acme\r\nX-Admin: yes' } }),
    })
    expect(patched.status).toBe(400)
    expect(patched.body.error.issues[0].path).toBe('headers.X-Tenant')
    const stored = await payload.findByID({
      collection: 'webhooks',
      id: created.body.data.id,
      overrideAccess: true,
    })
    expect(JSON.stringify(stored.headers)).not.toContain('X-Admin')
  })

  it('answers 400 naming the header through Payload REST, on create and on update', async () => {
    const before = await countSubscriptions()
    const created = await callPayloadRest('POST', 'webhooks', {
      apiKey: adminKey,
      body: { ...subscription, headers: { 'X-Api-Key': 'key\r\nX-Injected: 1' } },
    })
    expect(created.status).toBe(400)
    expect(JSON.stringify(created.body.errors)).toContain('headers.X-Api-Key')
    expect(await countSubscriptions()).toBe(before)

    const valid = await callPayloadRest('POST', 'webhooks', {
      apiKey: adminKey,
      body: subscription,
    })
    expect(valid.status).toBe(201)
    const patched = await callPayloadRest('PATCH', `webhooks/${valid.body.doc.id}`, {
      apiKey: adminKey,
      body: { headers: { 'X-Api-Key': 'key\nX-Injected: 1' } },
    })
    expect(patched.status).toBe(400)
    expect(JSON.stringify(patched.body.errors)).toContain('headers.X-Api-Key')
  })
})
