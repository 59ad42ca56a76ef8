// Issue 11, item 15: a subscription names only event types the catalog knows (patterns must match one),
// on every write path; and ?event= lists the subscriptions that would receive that type.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as registerEventType } from '@/app/api/v1/webhooks/event-types/route'
import {
  GET as listSubscriptions,
  POST as createSubscription,
} from '@/app/api/v1/webhooks/subscriptions/route'
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

function create(name: string, eventTypes: string[]) {
  return callRoute(createSubscription, '/x', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({ name, url: 'https://1.1.1.1/hook', event_types: eventTypes }),
  })
}

async function countSubscriptions() {
  return (await payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs
}

describe('item 15: event types checked at save', () => {
  it.each([['job.finished'], ['invoice.*'], ['jobs.completed']])(
    'answers 400 naming the catalog for the unknown type %s, and stores nothing',
    async (unknown) => {
      const before = await countSubscriptions()
      const response = await create('Unknown', ['job.completed', unknown])
      expect(response.status).toBe(400)
      expect(response.body.error.issues[0].path).toBe('event_types.1')
      expect(response.body.error.message).toContain(unknown)
      expect(response.body.error.message).toContain('job.completed, ')
      expect(response.body.error.message).toContain('webhook.test')
      expect(await countSubscriptions()).toBe(before)
    },
  )

  it('accepts known types, patterns that match a known type, and *', async () => {
    for (const types of [['job.completed'], ['job.*'], ['*'], ['user.*', 'report.generated']]) {
      expect((await create('Known', types)).status, types.join()).toBe(201)
    }
  })

  it('accepts a custom type once it is registered', async () => {
    expect((await create('Invoices', ['invoice.paid'])).status).toBe(400)
    const registered = await callRoute(registerEventType, '/x', {
      method: 'POST',
      apiKey: adminKey,
      body: JSON.stringify({ name: 'invoice.paid' }),
    })
    expect(registered.status).toBe(201)
    expect((await create('Invoices', ['invoice.paid'])).status).toBe(201)
    expect((await create('Invoices', ['invoice.*'])).status).toBe(201)
  })

  it('refuses an unknown type through Payload REST as well', async () => {
    const before = await countSubscriptions()
    const response = await callPayloadRest('POST', 'webhooks', {
      apiKey: adminKey,
      body: { name: 'REST', url: 'https://1.1.1.1/hook', event_types: ['job.finished'] },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toContain('event_types.0')
    expect(await countSubscriptions()).toBe(before)
  })
})

describe('item 15: ?event= means "would receive this type"', () => {
  let ids: Record<string, string>

  beforeAll(async () => {
    await payload.delete({ collection: 'webhooks', where: {}, overrideAccess: true })
    ids = {}
    const subscriptions: Record<string, string[]> = {
      wildcardJobs: ['job.*'],
      exact: ['job.completed'],
      everything: ['*'],
      reports: ['report.generated'],
      failures: ['job.failed', 'job.timeout'],
    }
    for (const [name, types] of Object.entries(subscriptions)) {
      const created = await create(name, types)
      expect(created.status).toBe(201)
      ids[name] = created.body.data.id
    }
  })

  async function listFor(event: string) {
    const response = await callRoute(
      listSubscriptions,
      `/x?event=${encodeURIComponent(event)}&limit=200`,
      { apiKey: adminKey },
    )
    return response
  }

  it('lists exact, wildcard and catch-all subscriptions that match job.completed', async () => {
    const response = await listFor('job.completed')
    expect(response.status).toBe(200)
    const names = response.body.data.items.map((item: { name: string }) => item.name).sort()
    expect(names).toEqual(['everything', 'exact', 'wildcardJobs'])
    expect(response.body.data.total).toBe(3)
  })

  it('lists only what would receive report.generated', async () => {
    const names = (await listFor('report.generated')).body.data.items.map(
      (item: { name: string }) => item.name,
    )
    expect(names.sort()).toEqual(['everything', 'reports'])
  })

  it('answers 400 for % and other strings that are not an event type, instead of matching all', async () => {
    for (const event of ['%', 'job', 'job.%', '_']) {
      const response = await listFor(event)
      expect(response.status, event).toBe(400)
      expect(response.body.error.issues[0].path).toBe('event')
    }
  })
})
