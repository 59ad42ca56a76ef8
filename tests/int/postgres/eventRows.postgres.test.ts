// Events stored once with their deliveries on PostgreSQL: one statement, idempotent by event id, even
// when two publishes of the same event race.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { NewDelivery, NewEvent } from '@/lib/delivery/deliveryTypes'
import { insertEventsWithDeliveries } from '@/lib/delivery/store/postgresEventRows'
import { postgresPoolOf } from '@/lib/payload/postgresPool'
import { bootHub } from '../../helpers/bootHub'

let payload: Payload
const webhookIds: number[] = []

beforeAll(async () => {
  payload = await bootHub()
  for (const name of ['first', 'second']) {
    const created = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: {
        name,
        url: `https://receiver.example.com/${name}`,
        event_types: ['user.*'],
        secret: 'whsec_dGVzdC1zZWNyZXQtZm9yLXBvc3RncmVz',
      },
    })
    webhookIds.push(Number(created.id))
  }
})

const event = (eventId: string): NewEvent => ({
  eventId,
  eventType: 'user.created',
  jobId: null,
  data: { user_id: eventId },
  metadata: { source: 'test' },
})

const deliveriesOf = (eventId: string): NewDelivery[] =>
  // Second subscription first: ids must come back in the order given, not the order stored.
  [...webhookIds].reverse().map((webhookId) => ({
    webhookId,
    jobId: null,
    eventId,
    eventType: 'user.created',
    messageId: `msg_${eventId}_${webhookId}`,
    maxAttempts: 3,
    nextAttemptAt: new Date('2026-12-02T12:00:00.000Z'),
  }))

async function storedDeliveries(eventId: string) {
  const result = await postgresPoolOf(payload).query<{ id: number; webhook_id: number }>(
    'SELECT id, webhook_id FROM webhook_deliveries WHERE event_id = $1 ORDER BY id',
    [eventId],
  )
  return result.rows
}

describe('insertEventsWithDeliveries on PostgreSQL', () => {
  it('stores new events with their deliveries and returns delivery ids in the order given', async () => {
    const now = new Date()
    const inserted = await insertEventsWithDeliveries(
      postgresPoolOf(payload),
      [event('evt_a'), event('evt_b')],
      [...deliveriesOf('evt_a'), ...deliveriesOf('evt_b')],
      now,
    )
    expect(inserted.duplicateEventIds).toEqual([])
    expect(inserted.deliveryIds).toHaveLength(4)
    const rows = await storedDeliveries('evt_a')
    const byWebhook = new Map(rows.map((row) => [row.webhook_id, row.id]))
    expect(inserted.deliveryIds.slice(0, 2)).toEqual([
      byWebhook.get(webhookIds[1]),
      byWebhook.get(webhookIds[0]),
    ])
    const stored = await postgresPoolOf(payload).query(
      'SELECT data, metadata, deliveries_created::int AS n FROM webhook_events WHERE event_id = $1',
      ['evt_a'],
    )
    expect(stored.rows[0]).toEqual({
      data: { user_id: 'evt_a' },
      metadata: { source: 'test' },
      n: 2,
    })
  })

  it('skips an event already stored together with its deliveries', async () => {
    const inserted = await insertEventsWithDeliveries(
      postgresPoolOf(payload),
      [event('evt_a'), event('evt_c')],
      [...deliveriesOf('evt_a'), ...deliveriesOf('evt_c')],
      new Date(),
    )
    expect(inserted.duplicateEventIds).toEqual(['evt_a'])
    expect(inserted.deliveryIds).toHaveLength(2)
    expect(await storedDeliveries('evt_a')).toHaveLength(2)
    expect((await storedDeliveries('evt_c')).map((row) => row.id)).toEqual(
      [...inserted.deliveryIds].sort((a, b) => Number(a) - Number(b)),
    )
  })

  it('stores an event once when two publishes of it race', async () => {
    const pool = postgresPoolOf(payload)
    const racers = await Promise.all(
      Array.from({ length: 6 }, () =>
        insertEventsWithDeliveries(pool, [event('evt_race')], deliveriesOf('evt_race'), new Date()),
      ),
    )
    expect(racers.filter((result) => result.duplicateEventIds.length === 0)).toHaveLength(1)
    expect(await storedDeliveries('evt_race')).toHaveLength(2)
  })
})
