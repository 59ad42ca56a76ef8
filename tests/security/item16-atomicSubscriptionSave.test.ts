// Issue 11, item 16: on SQLite a subscription is saved in one transaction, so a concurrent reader sees
// either all of its previous event types or all of its new ones, never the moment between.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { publishEvent } from '@/lib/events/publishEvent'
import { bootHub } from '../helpers/bootHub'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

const secret = 'whsec_' + Buffer.from('atomic-save-secret-0123456789').toString('base64')
const BEFORE = ['job.completed', 'job.failed']
const AFTER = ['job.cancelled']

async function readEventTypes(id: number | string): Promise<string[]> {
  const doc = await payload.findByID({ collection: 'webhooks', id, depth: 0, overrideAccess: true })
  return doc.event_types ?? []
}

describe('saving a subscription while others read it', () => {
  it('never shows a reader a subscription without its event types', async () => {
    const subscription = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: { name: 'atomic', url: 'https://receiver.example/hook', event_types: BEFORE, secret },
    })
    let saving = true
    const observed: string[][] = []
    const readers = Array.from({ length: 3 }, async () => {
      while (saving) observed.push(await readEventTypes(subscription.id))
    })
    try {
      for (let save = 0; save < 40; save += 1) {
        await payload.update({
          collection: 'webhooks',
          id: subscription.id,
          overrideAccess: true,
          data: { event_types: save % 2 === 0 ? AFTER : BEFORE },
        })
      }
    } finally {
      saving = false
    }
    await Promise.all(readers)

    expect(observed.length).toBeGreaterThan(40)
    const torn = observed.filter(
      (types) => types.join() !== BEFORE.join() && types.join() !== AFTER.join(),
    )
    expect(torn).toEqual([])
  })

  it('publishes to a subscription as soon as its save has returned, though publishes ran meanwhile', async () => {
    let publishing = true
    // Publishes running through the save keep refilling the process's subscription cache.
    const background = (async () => {
      while (publishing)
        await publishEvent(payload, { event_type: 'job.progress', data: { job_id: 'busy' } })
    })()
    try {
      for (let round = 0; round < 10; round += 1) {
        const created = await payload.create({
          collection: 'webhooks',
          overrideAccess: true,
          data: {
            name: `fresh-${round}`,
            url: 'https://receiver.example/fresh',
            event_types: ['job.timeout'],
            filters: { job_types: [`round-${round}`] },
            secret,
          },
        })
        const published = await publishEvent(payload, {
          event_type: 'job.timeout',
          data: { job_id: `j-${round}`, job_type: `round-${round}` },
        })
        expect(published.deliveries_created, `round ${round}, subscription ${created.id}`).toBe(1)
      }
    } finally {
      publishing = false
      await background
    }
  })

  it('keeps the write lock usable by every later connection after a transaction (busy_timeout on each)', async () => {
    // Each transaction takes libsql's connection and a fresh one is opened; without the pragmas on the fresh
    // one, a write meeting another connection's lock fails at once with SQLITE_BUSY instead of waiting.
    const writes = Array.from({ length: 20 }, (_, index) =>
      payload.create({
        collection: 'webhooks',
        overrideAccess: true,
        data: {
          name: `parallel-${index}`,
          url: 'https://receiver.example/parallel',
          event_types: ['job.submitted'],
          secret,
        },
      }),
    )
    const results = await Promise.allSettled(writes)
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
  })

  it('gives the main connection and the transaction connection busy_timeout and WAL', async () => {
    // Payload sets its pragmas only on a client it creates itself: without ours, a read meeting a busy
    // WAL index answered SQLITE_BUSY at once (seen in CI as "database is locked" on a count).
    const client = (payload.db as unknown as SQLiteAdapter).client
    const main = await client.execute('PRAGMA busy_timeout')
    expect(Object.values(main.rows[0])[0]).toBe(10_000)
    const mode = await client.execute('PRAGMA journal_mode')
    expect(Object.values(mode.rows[0])[0]).toBe('wal')
    const transaction = await client.transaction('write')
    try {
      const inTransaction = await transaction.execute('PRAGMA busy_timeout')
      expect(Object.values(inTransaction.rows[0])[0]).toBe(10_000)
    } finally {
      await transaction.rollback()
    }
  })
})
