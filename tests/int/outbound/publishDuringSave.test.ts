// A publish that reads a subscription while Payload is saving it (its event types deleted, not yet
// re-inserted, as the SQLite adapter does) must still deliver to it.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { publishEvent } from '@/lib/events/publishEvent'
import { forgetActiveSubscriptions } from '@/lib/subscriptions/loadActiveSubscriptions'
import { bootHub } from '../../helpers/bootHub'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

describe('publishing while a subscription is being saved', () => {
  it('re-reads a subscription seen without event types instead of skipping it', async () => {
    const subscription = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: {
        name: 'mid-save',
        url: 'https://receiver.example/hook',
        event_types: ['report.generated'],
        secret: 'whsec_' + Buffer.from('mid-save-secret-0123456789').toString('base64'),
      },
    })
    const client = (payload.db as unknown as SQLiteAdapter).client
    const saved = await client.execute({
      sql: 'SELECT * FROM webhooks_texts WHERE parent_id = ?',
      args: [subscription.id],
    })
    expect(saved.rows.length).toBe(1)
    await client.execute({
      sql: 'DELETE FROM webhooks_texts WHERE parent_id = ?',
      args: [subscription.id],
    })
    forgetActiveSubscriptions()

    const published = publishEvent(payload, {
      event_type: 'report.generated',
      data: { report_id: 'r-mid-save' },
    })
    await new Promise((resolve) => setTimeout(resolve, 15))
    for (const row of saved.rows) {
      const columns = Object.keys(row)
      await client.execute({
        sql: `INSERT INTO webhooks_texts (${columns.map((name) => `"${name}"`).join(', ')})
          VALUES (${columns.map(() => '?').join(', ')})`,
        args: columns.map((name) => row[name] as string | number | null),
      })
    }
    const result = await published
    expect(result.deliveries_created).toBe(1)
  })
})
