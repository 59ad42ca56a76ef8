// The quick start's seed gives a newcomer a working API key without being told to choose one, shows it
// once, and never stores it in clear.
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET as listSubscriptions } from '@/app/api/v1/webhooks/subscriptions/route'
import { formatSeedSummary } from '@/lib/seed/formatSeedSummary'
import { seedAdminUser } from '@/lib/seed/seedAdminUser'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

async function statusWithKey(apiKey: string): Promise<number> {
  return (await callRoute(listSubscriptions, '/api/v1/webhooks/subscriptions', { apiKey })).status
}

async function storedUserColumns(email: string): Promise<string> {
  const database = createClient({ url: process.env.DATABASE_URL! })
  try {
    const result = await database.execute({
      sql: 'SELECT * FROM users WHERE email = ?',
      args: [email],
    })
    return JSON.stringify(result.rows)
  } finally {
    database.close()
  }
}

describe('seeding the admin user', () => {
  const email = 'newcomer@webhookhub.local'

  it('generates an API key when none is chosen, which works, is printed once and stored only hashed', async () => {
    const first = await seedAdminUser(payload, { email, password: 'first password' })
    expect(first.outcome).toBe('created')
    if (first.apiKey.kind !== 'generated') throw new Error(`expected a generated key`)
    const apiKey = first.apiKey.apiKey
    expect(apiKey).toMatch(/^hub_[\w-]{32}$/)
    expect(await statusWithKey(apiKey)).toBe(200)

    const summary = formatSeedSummary({ admin: first, email, defaultPassword: 'x', demo: [] })
    expect(summary).toContain(`export ADMIN_API_KEY=${apiKey}`)
    expect(await storedUserColumns(email)).not.toContain(apiKey)

    const second = await seedAdminUser(payload, { email, password: 'second password' })
    expect(second).toEqual({ outcome: 'updated', apiKey: { kind: 'kept' } })
    const again = formatSeedSummary({ admin: second, email, defaultPassword: 'x', demo: [] })
    expect(again).not.toContain(apiKey)
    expect(await statusWithKey(apiKey)).toBe(200)
  })

  it('uses ADMIN_API_KEY when given, replacing a generated key', async () => {
    const chosenEmail = 'chooser@webhookhub.local'
    const first = await seedAdminUser(payload, { email: chosenEmail, password: 'p4ssword-one' })
    if (first.apiKey.kind !== 'generated') throw new Error(`expected a generated key`)

    const chosen = await seedAdminUser(payload, {
      email: chosenEmail,
      password: 'p4ssword-one',
      apiKey: 'dev-key-of-my-choosing',
    })
    expect(chosen.apiKey).toEqual({ kind: 'chosen' })
    expect(await statusWithKey('dev-key-of-my-choosing')).toBe(200)
    expect(await statusWithKey(first.apiKey.apiKey)).toBe(401)
  })
})
