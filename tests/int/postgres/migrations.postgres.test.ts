// PostgreSQL's committed migrations build the whole schema, and Payload's collections round-trip on it.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '@/migrations/postgres'
import { postgresPoolOf } from '@/lib/payload/postgresPool'
import { bootHub } from '../../helpers/bootHub'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

describe('PostgreSQL schema', () => {
  it('applies every committed migration once, and again is a no-op', async () => {
    const applied = await postgresPoolOf(payload).query<{ name: string }>(
      'SELECT name FROM payload_migrations ORDER BY id',
    )
    expect(applied.rows.map((row) => row.name)).toEqual(migrations.map((entry) => entry.name))
    await bootHub()
    const again = await postgresPoolOf(payload).query(
      'SELECT count(*)::int AS n FROM payload_migrations',
    )
    expect(again.rows[0].n).toBe(migrations.length)
  })

  it('stores a subscription with its event types and reads it back', async () => {
    const created = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: {
        name: 'PG round trip',
        url: 'https://receiver.example.com/hook',
        event_types: ['job.completed', 'job.failed'],
        secret: 'whsec_dGVzdC1zZWNyZXQtZm9yLXBvc3RncmVz',
      },
    })
    const found = await payload.findByID({ collection: 'webhooks', id: created.id, depth: 0 })
    expect(found.event_types).toEqual(['job.completed', 'job.failed'])
    const index = await postgresPoolOf(payload).query(
      `SELECT 1 FROM pg_indexes WHERE indexname = 'webhooks_texts_parent_id_idx'`,
    )
    expect(index.rowCount).toBe(1)
  })
})
