// Issue 11, item 7: Payload REST, the admin (same operations) and the management API all refuse a
// private or non-http(s) target at save, through the one validation the webhooks collection runs.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.ALLOW_PRIVATE_TARGETS = 'false'
})

import { PATCH as patchSubscription } from '@/app/api/v1/webhooks/subscriptions/[id]/route'
import { POST as createSubscription } from '@/app/api/v1/webhooks/subscriptions/route'
import { bootHub } from '../helpers/bootHub'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload
let adminKey: string
let operatorKey: string

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
})

const publicTarget = {
  name: 'Receiver',
  url: 'https://1.1.1.1/hook',
  event_types: ['job.completed'],
}

async function countSubscriptions() {
  return (await payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs
}

function restErrorPaths(body: { errors?: Array<{ data?: { errors?: Array<{ path: string }> } }> }) {
  return (body.errors ?? []).flatMap((error) => (error.data?.errors ?? []).map((e) => e.path))
}

describe('item 7: one URL validation for every write path', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::ffff:0:a9fe:a9fe]/',
    'gopher://127.0.0.1:6379/_x',
    'https://10.0.0.7/hook',
  ])('answers 400 naming url and stores nothing for POST /api/webhooks with %s', async (url) => {
    const before = await countSubscriptions()
    const response = await callPayloadRest('POST', 'webhooks', {
      apiKey: adminKey,
      body: { ...publicTarget, url },
    })
    expect(response.status).toBe(400)
    expect(restErrorPaths(response.body)).toContain('url')
    expect(await countSubscriptions()).toBe(before)
  })

  it('answers 400 to PATCH /api/webhooks/:id with a gopher URL and keeps the stored URL', async () => {
    const created = await callPayloadRest('POST', 'webhooks', {
      apiKey: adminKey,
      body: publicTarget,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    const patched = await callPayloadRest('PATCH', `webhooks/${id}`, {
      apiKey: adminKey,
      body: { url: 'gopher://127.0.0.1:6379/_x' },
    })
    expect(patched.status).toBe(400)
    expect(restErrorPaths(patched.body)).toContain('url')
    const stored = await payload.findByID({ collection: 'webhooks', id, overrideAccess: true })
    expect(stored.url).toBe(publicTarget.url)
  })

  it('refuses a bulk PATCH /api/webhooks?where=… to a metadata URL', async () => {
    await callPayloadRest('POST', 'webhooks', { apiKey: adminKey, body: publicTarget })
    const patched = await callPayloadRest('PATCH', 'webhooks?where[name][equals]=Receiver', {
      apiKey: adminKey,
      body: { url: 'https://169.254.169.254/' },
    })
    const stored = await payload.find({ collection: 'webhooks', overrideAccess: true })
    expect(stored.docs.map((doc) => doc.url)).not.toContain('https://169.254.169.254/')
    expect(patched.status).toBeGreaterThanOrEqual(400)
  })

  it('refuses the same URL through the Local API the admin writes with, even overriding access', async () => {
    await expect(
      payload.create({
        collection: 'webhooks',
        overrideAccess: true,
        data: { ...publicTarget, url: 'https://169.254.169.254/', secret: 'whsec_c2VjcmV0' },
      }),
    ).rejects.toMatchObject({ name: 'ValidationError', status: 400 })
  })

  it('answers the management API with the same refusal, naming url', async () => {
    const refused = await callRoute(createSubscription, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({ ...publicTarget, url: 'https://[::ffff:0:7f00:1]/hook' }),
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('validation_error')
    expect(refused.body.error.issues[0]).toMatchObject({ path: 'url', code: 'target_refused' })

    const created = await callRoute(createSubscription, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify(publicTarget),
    })
    expect(created.status).toBe(201)
    const patched = await callRoute(patchSubscription, '/x', {
      method: 'PATCH',
      apiKey: adminKey,
      params: { id: created.body.data.id },
      body: JSON.stringify({ url: 'https://[fec0::1]/hook' }),
    })
    expect(patched.status).toBe(400)
    expect(patched.body.error.issues[0].path).toBe('url')
  })

  it('keeps Payload REST writes to subscriptions closed to everyone below admin', async () => {
    const response = await callPayloadRest('POST', 'webhooks', {
      apiKey: operatorKey,
      body: publicTarget,
    })
    expect(response.status).toBe(403)
  })
})
