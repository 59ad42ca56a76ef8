import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GET as getDelivery } from '@/app/api/v1/webhooks/deliveries/[id]/route'
import { GET as listEvents, POST as publish } from '@/app/api/v1/webhooks/events/route'
import { POST as createSubscriptionRoute } from '@/app/api/v1/webhooks/subscriptions/route'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startReceiver, type Receiver } from '../../fakes/startReceiver'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'
import { startTestDeliveryLoop } from '../../helpers/startTestDeliveryLoop'
import { waitFor } from '../../helpers/waitFor'
import { sqliteDrizzle } from '../../helpers/sqliteDrizzle'

let payload: Payload
let adminKey: string
let viewerKey: string
let receiver: Receiver
let loop: WorkerLoop

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  viewerKey = (await createTestUser(payload, 'viewer')).apiKey
  receiver = await startReceiver()
  loop = startTestDeliveryLoop(payload)
})

afterAll(async () => {
  await loop.drain()
  await receiver.close()
})

async function subscribe(path: string, eventTypes: string[]) {
  const response = await callRoute(createSubscriptionRoute, '/api/v1/webhooks/subscriptions', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({ name: path, url: `${receiver.url}/${path}`, event_types: eventTypes }),
  })
  expect(response.status).toBe(201)
  return response.body.data as { id: string }
}

async function publishEvent(body: Record<string, unknown>) {
  return callRoute(publish, '/api/v1/webhooks/events', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify(body),
  })
}

describe('events stored once', () => {
  it('stores an event reaching three subscriptions once, and each delivery sends its body with its own webhook_id', async () => {
    const subscriptions = [
      await subscribe('a', ['content.published']),
      await subscribe('b', ['content.*']),
      await subscribe('c', ['content.published', 'content.updated']),
    ]
    const published = await publishEvent({
      event_type: 'content.published',
      data: { content_id: 'post-1', title: 'Hello' },
    })
    expect(published.status).toBe(201)
    const eventId = published.body.data.event_id as string
    expect(published.body.data.deliveries_created).toBe(3)

    const stored = await payload.find({
      collection: 'webhook-events',
      where: { event_id: { equals: eventId } },
      depth: 0,
      overrideAccess: true,
    })
    expect(stored.docs).toHaveLength(1)
    expect(stored.docs[0]).toMatchObject({
      event_type: 'content.published',
      data: { content_id: 'post-1', title: 'Hello' },
      deliveries_created: 3,
    })
    const columns = await sqliteDrizzle(payload).run(
      // The body lives in the event row only: deliveries have no column to copy it into.
      "SELECT name FROM pragma_table_info('webhook_deliveries')" as never,
    )
    expect(JSON.stringify(columns)).not.toMatch(/"payload"/)

    const requests = await receiver.waitForRequests(3)
    const bodies = requests.map((request) => JSON.parse(request.body))
    expect(new Set(bodies.map((body) => body.webhook_id))).toEqual(
      new Set(subscriptions.map((subscription) => subscription.id)),
    )
    for (const body of bodies) {
      expect(body).toMatchObject({
        event_id: eventId,
        data: { content_id: 'post-1', title: 'Hello' },
        timestamp: Date.parse(stored.docs[0].createdAt),
      })
    }

    const deliveryId = published.body.data.delivery_ids[0] as string
    const shown = await callRoute(getDelivery, `/api/v1/webhooks/deliveries/${deliveryId}`, {
      apiKey: viewerKey,
      params: { id: deliveryId },
    })
    expect(shown.status).toBe(200)
    expect(shown.body.data.payload).toMatchObject({
      event_id: eventId,
      event_type: 'content.published',
      data: { content_id: 'post-1', title: 'Hello' },
    })
  })

  it('stores a repeated event_id once even when the copies race', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        publishEvent({
          event_type: 'content.updated',
          data: { content_id: 'c-9' },
          event_id: 'evt_race_1',
        }),
      ),
    )
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1)
    expect(answers.filter((answer) => answer.body.data?.duplicate === true)).toHaveLength(7)
    const stored = await payload.count({
      collection: 'webhook-events',
      where: { event_id: { equals: 'evt_race_1' } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(1)
    const deliveries = await payload.count({
      collection: 'webhook-deliveries',
      where: { event_id: { equals: 'evt_race_1' } },
      overrideAccess: true,
    })
    expect(deliveries.totalDocs).toBe(2)
  })

  it('records a delivery whose event is no longer stored as dead, and never sends it empty', async () => {
    receiver.requests.length = 0
    await subscribe('orphaned', ['user.created'])
    // Published while no worker runs: the row is gone before any attempt is made.
    await loop.drain()
    const published = await publishEvent({ event_type: 'user.created', data: { user_id: 'u-1' } })
    const deliveryId = published.body.data.delivery_ids[0] as string
    await sqliteDrizzle(payload).run(
      `DELETE FROM webhook_events WHERE event_id = '${published.body.data.event_id}'` as never,
    )
    loop = startTestDeliveryLoop(payload)
    const dead = await waitFor(
      () =>
        payload.findByID({
          collection: 'webhook-deliveries',
          id: deliveryId,
          depth: 0,
          overrideAccess: true,
        }),
      (delivery) => delivery.status === 'dead',
      { what: 'the delivery of an erased event to be recorded dead' },
    )
    expect(dead.last_error).toMatch(/no longer stored/)
    expect(receiver.requests.filter((request) => request.path === '/orphaned')).toHaveLength(0)
  })

  it('lists events by type, prefix, time range and whether they reached anyone', async () => {
    const before = new Date(Date.now() - 1).toISOString()
    await publishEvent({ event_type: 'report.generated', data: { report_id: 'r-unmatched' } })
    const list = async (query: string) => {
      const response = await callRoute(listEvents, `/api/v1/webhooks/events?${query}`, {
        apiKey: viewerKey,
      })
      expect(response.status).toBe(200)
      return response.body.data as {
        items: { event_type: string; deliveries_created: number }[]
        total: number
      }
    }
    const unmatched = await list('matched=false')
    expect(unmatched.items.map((event) => event.event_type)).toContain('report.generated')
    expect(unmatched.items.every((event) => event.deliveries_created === 0)).toBe(true)
    expect(
      (await list('type=content.*')).items.every((event) =>
        event.event_type.startsWith('content.'),
      ),
    ).toBe(true)
    expect((await list('type=content.published')).total).toBe(1)
    const recent = await list(`since=${encodeURIComponent(before)}`)
    expect(recent.items.map((event) => event.event_type)).toEqual(['report.generated'])
    expect((await list('until=2000-01-01T00:00:00Z')).total).toBe(0)
    const refused = await callRoute(listEvents, '/api/v1/webhooks/events?since=yesterday', {
      apiKey: viewerKey,
    })
    expect(refused.status).toBe(400)
  })
})
