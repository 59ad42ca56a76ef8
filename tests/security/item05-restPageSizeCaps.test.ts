// Issue 11, item 5 (reads): Payload's REST API answers a page of at most 250 rows, never every row.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { bootHub } from '../helpers/bootHub'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload
let adminKey: string

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  for (let index = 0; index < 260; index += 1) {
    await payload.create({
      collection: 'webhook-events',
      overrideAccess: true,
      data: {
        event_id: `evt_cap_${index}`,
        event_type: 'job.completed',
        data: { index },
        deliveries_created: 0,
      },
    })
  }
})

describe('page sizes on Payload REST reads', () => {
  it.each([
    ['limit=0', /limit/],
    ['limit=-1', /limit/],
    ['limit=1e9', /limit/],
    ['limit=251', /limit/],
    ['limit=abc', /limit/],
    ['pagination=false', /pagination/],
    ['page=0', /page/],
  ])('answers 400 with a clear message to ?%s', async (query, message) => {
    const response = await callPayloadRest('GET', `webhook-events?${query}`, { apiKey: adminKey })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(message)
  })

  it('answers a bounded page when asked within range, and by default', async () => {
    const page = await callPayloadRest('GET', 'webhook-events?limit=250', { apiKey: adminKey })
    expect(page.status).toBe(200)
    expect(page.body.docs).toHaveLength(250)
    expect(page.body.hasNextPage).toBe(true)
    const byDefault = await callPayloadRest('GET', 'webhook-events', { apiKey: adminKey })
    expect(byDefault.status).toBe(200)
    expect(byDefault.body.docs.length).toBeLessThanOrEqual(250)
  })

  it('leaves the Local API (the hub itself, the admin views) free to read unpaginated', async () => {
    const all = await payload.find({
      collection: 'webhook-events',
      pagination: false,
      overrideAccess: true,
    })
    expect(all.docs.length).toBeGreaterThanOrEqual(260)
  })
})
