// Issue 11, item 11: a generated secret is revealed once, even to reveals that arrive together.
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as revealSecret } from '@/app/api/v1/webhooks/subscriptions/[id]/reveal-secret/route'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload
let adminKey: string

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
})

async function createWithGeneratedSecret() {
  // As the admin creates one: no secret given, so one is generated and kept aside to reveal.
  return payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: {
      name: 'Admin-made',
      url: 'https://1.1.1.1/hook',
      event_types: ['job.completed'],
    } as RequiredDataFromCollectionSlug<'webhooks'>,
  })
}

function reveal(id: number | string) {
  return callRoute(revealSecret, '/x', {
    method: 'POST',
    apiKey: adminKey,
    params: { id: String(id) },
  })
}

describe('item 11: revealing a generated secret', () => {
  it('gives the secret to exactly one of ten concurrent reveals and 409 to the others', async () => {
    const subscription = await createWithGeneratedSecret()
    const responses = await Promise.all(Array.from({ length: 10 }, () => reveal(subscription.id)))
    const revealed = responses.filter((response) => response.status === 200)
    expect(revealed).toHaveLength(1)
    expect(revealed[0].body.data.secret).toMatch(/^whsec_/)
    const refused = responses.filter((response) => response.status === 409)
    expect(refused).toHaveLength(9)
    for (const response of refused) expect(JSON.stringify(response.body)).not.toContain('whsec_')
  })

  it('reveals the secret the subscription signs with, and clears what was kept aside', async () => {
    const subscription = await createWithGeneratedSecret()
    const first = await reveal(subscription.id)
    expect(first.status).toBe(200)
    const stored = await payload.findByID({
      collection: 'webhooks',
      id: subscription.id,
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect(stored.unrevealed_secret ?? null).toBeNull()
    expect(stored.secret_reveal_pending).toBe(false)
    expect(first.body.data.secret.slice(-4)).toBe(String(stored.secret_hint).slice(-4))
    expect((await reveal(subscription.id)).status).toBe(409)
  })
})
