// Issue 11, item 9: custom header values are stored sealed and shown to no one (names and a hint only),
// the worker still sends them, and the migration seals values stored before.
import type { Migration, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GET as getSubscription } from '@/app/api/v1/webhooks/subscriptions/[id]/route'
import {
  GET as listSubscriptions,
  POST as createSubscription,
} from '@/app/api/v1/webhooks/subscriptions/route'
import { sealSecret } from '@/lib/crypto/secretBox'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { createSubscriptionDirectory } from '@/lib/delivery/subscriptionDirectory'
import { publishEvent } from '@/lib/events/publishEvent'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import { migrations } from '@/migrations'
import { startReceiver, type Receiver } from '../fakes/startReceiver'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'
import { startTestDeliveryLoop } from '../helpers/startTestDeliveryLoop'
import { sqliteDrizzle } from '../helpers/sqliteDrizzle'

const SEAL_MIGRATION = '20261202_060452_seal_header_values'
const CREDENTIAL = 'sk_live_0123456789abcdefWXYZ'
const LEGACY_CREDENTIAL = 'legacy-credential-0123456789'

let payload: Payload
let adminKey: string
let viewerKey: string
let receiver: Receiver
let loop: WorkerLoop
let legacyId: number

beforeAll(async () => {
  payload = await getPayloadClient()
  const before = migrations.slice(
    0,
    migrations.findIndex((migration) => migration.name === SEAL_MIGRATION),
  )
  await payload.db.migrate({ migrations: before as unknown as Migration[] })
  const sealedSecret = sealSecret(generateWebhookSecret(), payload.secret)
  const legacyHeaders = JSON.stringify({ 'X-Api-Key': LEGACY_CREDENTIAL, 'X-Tenant': 'acme' })
  const inserted = await sqliteDrizzle(payload).all<{ id: number }>(
    `INSERT INTO webhooks (name, url, headers, secret, updated_at, created_at)
     VALUES ('Legacy', 'https://1.1.1.1/hook', '${legacyHeaders}', '${sealedSecret}',
       '2026-11-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z') RETURNING id` as never,
  )
  legacyId = inserted[0].id
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })

  adminKey = (await createTestUser(payload, 'admin')).apiKey
  viewerKey = (await createTestUser(payload, 'viewer')).apiKey
  receiver = await startReceiver()
  loop = startTestDeliveryLoop(payload)
})

afterAll(async () => {
  await loop.drain()
  await receiver.close()
})

async function createWithCredential(url = 'https://1.1.1.1/hook') {
  const response = await callRoute(createSubscription, '/x', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({
      name: 'Credentialed',
      url,
      event_types: ['job.completed'],
      headers: { 'X-Api-Key': CREDENTIAL, 'X-Short': 'abc' },
    }),
  })
  expect(response.status).toBe(201)
  return response.body.data
}

async function readRawRow(id: number | string) {
  const rows = await sqliteDrizzle(payload).all<{ headers: string; sealed_headers: string }>(
    `SELECT headers, sealed_headers FROM webhooks WHERE id = ${Number(id)}` as never,
  )
  return rows[0]
}

describe('item 9: sealed header values', () => {
  it('shows names and hints, never values, in the create answer, GET, the list and Payload REST', async () => {
    const created = await createWithCredential()
    expect(created.headers).toEqual({ 'X-Api-Key': '...WXYZ', 'X-Short': '...' })

    const answers = [
      await callRoute(getSubscription, '/x', { apiKey: viewerKey, params: { id: created.id } }),
      await callRoute(listSubscriptions, '/x?limit=200', { apiKey: viewerKey }),
      await callPayloadRest('GET', `webhooks/${created.id}`, { apiKey: viewerKey }),
      await callPayloadRest('GET', 'webhooks?limit=100', { apiKey: viewerKey }),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      const text = JSON.stringify(answer.body)
      expect(text).toContain('X-Api-Key')
      expect(text).not.toContain(CREDENTIAL)
      expect(text).not.toContain('sealed_headers')
      expect(text).not.toContain('enc:v1:')
    }
  })

  it('stores every value sealed', async () => {
    const created = await createWithCredential()
    const row = await readRawRow(created.id)
    expect(row.headers).not.toContain(CREDENTIAL)
    const sealed = JSON.parse(row.sealed_headers)
    expect(Object.keys(sealed)).toEqual(['X-Api-Key', 'X-Short'])
    for (const value of Object.values(sealed)) expect(String(value)).toMatch(/^enc:v1:/)
    expect(row.sealed_headers).not.toContain(CREDENTIAL)
  })

  it('sends the real values with each delivery', async () => {
    await createWithCredential(`${receiver.url}/hook`)
    await publishEvent(payload, { event_type: 'job.completed', data: { job_id: 'job_sealed' } })
    const [request] = await receiver.waitForRequests(1)
    expect(request.headers['x-api-key']).toBe(CREDENTIAL)
    expect(request.headers['x-short']).toBe('abc')
  })

  it('keeps a value written back as its hint, as the admin does, and replaces a changed one', async () => {
    const created = await createWithCredential()
    const patched = await callPayloadRest('PATCH', `webhooks/${created.id}`, {
      apiKey: adminKey,
      body: { headers: { 'X-Api-Key': '...WXYZ', 'X-Short': 'xyz' } },
    })
    expect(patched.status).toBe(200)
    const directory = createSubscriptionDirectory(payload, () => new Date())
    const target = await directory.get(created.id)
    expect(target?.headers).toEqual({ 'X-Api-Key': CREDENTIAL, 'X-Short': 'xyz' })
  })

  it('never takes sealed values from a client', async () => {
    const created = await createWithCredential()
    const forged = sealSecret('forged\r\nX-Injected: 1', payload.secret)
    const patched = await callPayloadRest('PATCH', `webhooks/${created.id}`, {
      apiKey: adminKey,
      body: { sealed_headers: { 'X-Api-Key': forged } },
    })
    expect(patched.status).toBe(200)
    const target = await createSubscriptionDirectory(payload, () => new Date()).get(created.id)
    expect(target?.headers['X-Api-Key']).toBe(CREDENTIAL)
  })

  it('refuses to duplicate a subscription, which would copy hints as values', async () => {
    const created = await createWithCredential()
    const duplicated = await callPayloadRest('POST', `webhooks/${created.id}/duplicate`, {
      apiKey: adminKey,
      body: {},
    })
    expect(duplicated.status).toBeGreaterThanOrEqual(400)
    expect(duplicated.status).toBeLessThan(500)
  })

  it('seals the values of subscriptions stored before the migration', async () => {
    const row = await readRawRow(legacyId)
    expect(row.headers).not.toContain(LEGACY_CREDENTIAL)
    expect(JSON.parse(row.headers)).toEqual({ 'X-Api-Key': '...6789', 'X-Tenant': '...' })
    const target = await createSubscriptionDirectory(payload, () => new Date()).get(legacyId)
    expect(target?.headers).toEqual({ 'X-Api-Key': LEGACY_CREDENTIAL, 'X-Tenant': 'acme' })
  })
})
