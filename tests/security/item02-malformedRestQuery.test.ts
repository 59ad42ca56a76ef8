// Issue 11, item 2 (Payload REST): a malformed JSON `where` query answers 400, not 500, signed in or not.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { bootHub } from '../helpers/bootHub'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

describe('a malformed where query on Payload REST', () => {
  it.each(['%7B', '%7B%22id%22%3A', '%5B1%2C'])('answers 400 to where=%s', async (where) => {
    const { apiKey } = await createTestUser(payload, 'viewer')
    for (const caller of [undefined, apiKey]) {
      const response = await callPayloadRest('GET', `webhook-events?where=${where}`, {
        apiKey: caller,
      })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toMatch(/where query parameter is not valid JSON/)
    }
  })

  it('still answers a well-formed JSON where', async () => {
    const { apiKey } = await createTestUser(payload, 'viewer')
    const where = encodeURIComponent(JSON.stringify({ event_type: { equals: 'job.completed' } }))
    const response = await callPayloadRest('GET', `webhook-events?where=${where}`, { apiKey })
    expect(response.status).toBe(200)
  })
})
