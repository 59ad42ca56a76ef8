// Deliveries stored before events were stored once keep their bodies: the migration moves each event's
// body into one webhook_events row and only then drops the column.
import type { Migration, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { migrations } from '@/migrations'
import { sqliteDrizzle } from '../../helpers/sqliteDrizzle'

let payload: Payload
const EVENTS_MIGRATION = '20261201_233156_events_stored_once'

beforeAll(async () => {
  payload = await getPayloadClient()
  const before = migrations.slice(
    0,
    migrations.findIndex((migration) => migration.name === EVENTS_MIGRATION),
  )
  await payload.db.migrate({ migrations: before as unknown as Migration[] })
})

describe('the events-stored-once migration', () => {
  it('turns every existing delivery body into one event row, then drops the copies', async () => {
    const body = (webhookId: number) =>
      JSON.stringify({
        event_type: 'job.completed',
        event_id: 'evt_legacy_1',
        timestamp: 1764547200000,
        webhook_id: String(webhookId),
        data: { job_id: 'job_legacy', result: { url: 'https://cdn.example.com/x.png' } },
        metadata: { original_timestamp: 1764547200000 },
      })
    for (const webhookId of [1, 2]) {
      await sqliteDrizzle(payload).run(
        `INSERT INTO webhook_deliveries (event_id, event_type, job_id, message_id, payload, status,
           attempt_count, max_attempts, created_at)
         VALUES ('evt_legacy_1', 'job.completed', 'job_legacy', 'evt_legacy_1', '${body(webhookId)}',
           'succeeded', 1, 3, '2025-12-01T00:00:00.000Z')` as never,
      )
    }
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })

    const events = await payload.find({
      collection: 'webhook-events',
      where: { event_id: { equals: 'evt_legacy_1' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(events.docs).toHaveLength(1)
    expect(events.docs[0]).toMatchObject({
      event_type: 'job.completed',
      job_id: 'job_legacy',
      data: { job_id: 'job_legacy', result: { url: 'https://cdn.example.com/x.png' } },
      deliveries_created: 2,
      createdAt: '2025-12-01T00:00:00.000Z',
    })
    const deliveries = await payload.count({
      collection: 'webhook-deliveries',
      where: { event_id: { equals: 'evt_legacy_1' } },
      overrideAccess: true,
    })
    expect(deliveries.totalDocs).toBe(2)
  })
})
