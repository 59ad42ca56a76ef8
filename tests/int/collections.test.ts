import { sql } from '@payloadcms/db-sqlite'
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { openSecret } from '@/lib/crypto/secretBox'
import { bootHub } from '../helpers/bootHub'
import { createTestUser } from '../helpers/createTestUser'
import { sqliteDrizzle } from '../helpers/sqliteDrizzle'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

const subscriptionData = {
  name: 'Receiver',
  url: 'https://receiver.example.com/hook',
  event_types: ['job.completed'],
  secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
}

describe('collections', () => {
  it('makes the first user an admin and later users viewers by default', async () => {
    // As the first-user form sends it: no role at all.
    const withoutRole = (email: string) =>
      ({ email, password: 'a-long-password' }) as RequiredDataFromCollectionSlug<'users'>
    const first = await payload.create({
      collection: 'users',
      data: withoutRole('first@test.local'),
    })
    const second = await payload.create({
      collection: 'users',
      data: withoutRole('second@test.local'),
      overrideAccess: true,
    })
    expect(first.role).toBe('admin')
    expect(second.role).toBe('viewer')
  })

  it('stores subscription secrets sealed and never returns them', async () => {
    const created = await payload.create({
      collection: 'webhooks',
      data: subscriptionData,
      overrideAccess: true,
    })
    expect(created).not.toHaveProperty('secret')
    const found = await payload.findByID({
      collection: 'webhooks',
      id: created.id,
      overrideAccess: true,
    })
    expect(found).not.toHaveProperty('secret')

    const rows = await sqliteDrizzle(payload).all<{ secret: string }>(
      sql`select secret from webhooks where id = ${created.id}`,
    )
    expect(rows[0].secret.startsWith('enc:v1:')).toBe(true)
    expect(rows[0].secret).not.toContain('c2VjcmV0')

    const withSecret = await payload.findByID({
      collection: 'webhooks',
      id: created.id,
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect(openSecret(String(withSecret.secret), payload.secret)).toBe(subscriptionData.secret)
  })

  it('lets viewers read subscriptions but not create them', async () => {
    const { user: viewer } = await createTestUser(payload, 'viewer')
    const { user: admin } = await createTestUser(payload, 'admin')
    await expect(
      payload.create({
        collection: 'webhooks',
        data: subscriptionData,
        user: viewer,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
    const list = await payload.find({ collection: 'webhooks', user: viewer, overrideAccess: false })
    expect(list.totalDocs).toBeGreaterThan(0)
    await expect(
      payload.create({
        collection: 'webhooks',
        data: subscriptionData,
        user: admin,
        overrideAccess: false,
      }),
    ).resolves.toMatchObject({ name: 'Receiver' })
  })

  it('does not let a viewer promote themselves', async () => {
    const { user: viewer } = await createTestUser(payload, 'viewer')
    const updated = await payload.update({
      collection: 'users',
      id: viewer.id,
      data: { role: 'admin' },
      user: viewer,
      overrideAccess: false,
    })
    expect(updated.role).toBe('viewer')
  })

  it('keeps inbound logs and deliveries write-only for the hub itself', async () => {
    const { user: admin } = await createTestUser(payload, 'admin')
    await expect(
      payload.create({
        collection: 'webhook-logs',
        data: {
          source: 'fal',
          status: 'received',
          received_at: new Date().toISOString(),
          dedupe_key: 'k1',
        },
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
  })

  it('refuses a custom source slug reserved for the management API or a built-in provider', async () => {
    for (const slug of ['subscriptions', 'fal', 'Bad Slug']) {
      await expect(
        payload.create({
          collection: 'inbound-sources',
          data: { slug, name: 'x', scheme: 'hmac-sha256-hex', secret: 'abc' },
          overrideAccess: true,
        }),
      ).rejects.toThrow(/slug/i)
    }
    const source = await payload.create({
      collection: 'inbound-sources',
      data: { slug: 'acme-render', name: 'Acme', scheme: 'hmac-sha256-hex', secret: 'shh' },
      overrideAccess: true,
    })
    expect(source).not.toHaveProperty('secret')
  })
})
