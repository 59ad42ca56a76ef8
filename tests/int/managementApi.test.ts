import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET as listJobs } from '@/app/api/v1/jobs/route'
import { GET as listLogs } from '@/app/api/v1/webhooks/logs/route'
import { GET as listSubscriptions } from '@/app/api/v1/webhooks/subscriptions/route'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload
let adminKey: string
let viewerKey: string

beforeAll(async () => {
  payload = await bootHub()
  adminKey = (await createTestUser(payload, 'admin')).apiKey
  viewerKey = (await createTestUser(payload, 'viewer')).apiKey
  await payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: {
      name: 'Active one',
      url: 'https://a.example.com',
      event_types: ['job.*'],
      secret: 'whsec_YWJjZGVmZ2hpamtsbW5vcA==',
    },
  })
  await payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: {
      name: 'Paused one',
      url: 'https://b.example.com',
      event_types: ['report.generated'],
      active: false,
      secret: 'whsec_YWJjZGVmZ2hpamtsbW5vcA==',
    },
  })
})

describe('management API authentication', () => {
  for (const [name, handler, path] of [
    ['subscriptions', listSubscriptions, '/api/v1/webhooks/subscriptions'],
    ['logs', listLogs, '/api/v1/webhooks/logs'],
    ['jobs', listJobs, '/api/v1/jobs'],
  ] as const) {
    it(`answers 401 on ${name} without a key, and with a wrong key`, async () => {
      const anonymous = await callRoute(handler, path)
      expect(anonymous.status).toBe(401)
      expect(anonymous.body).toMatchObject({ success: false, error: { code: 'unauthorized' } })
      const wrong = await callRoute(handler, path, { apiKey: 'not-a-real-key' })
      expect(wrong.status).toBe(401)
    })

    it(`answers 200 on ${name} with a Bearer API key`, async () => {
      const response = await callRoute(handler, path, { apiKey: adminKey })
      expect(response.status).toBe(200)
      expect(response.body.success).toBe(true)
      expect(Array.isArray(response.body.data.items)).toBe(true)
      expect(typeof response.body.timestamp).toBe('string')
    })
  }
})

describe('GET /api/v1/webhooks/subscriptions', () => {
  it('filters by active and event, and never includes a secret', async () => {
    const active = await callRoute(
      listSubscriptions,
      '/api/v1/webhooks/subscriptions?active=true',
      {
        apiKey: viewerKey,
      },
    )
    expect(active.body.data.items.map((item: { name: string }) => item.name)).toEqual([
      'Active one',
    ])
    const byEvent = await callRoute(
      listSubscriptions,
      '/api/v1/webhooks/subscriptions?event=report.generated',
      { apiKey: viewerKey },
    )
    expect(byEvent.body.data.items.map((item: { name: string }) => item.name)).toEqual([
      'Paused one',
    ])
    expect(JSON.stringify(active.body)).not.toContain('whsec_')
    expect(JSON.stringify(active.body)).not.toContain('enc:v1:')
  })

  it('answers 400 naming the field for a bad query', async () => {
    const response = await callRoute(listSubscriptions, '/api/v1/webhooks/subscriptions?limit=0', {
      apiKey: adminKey,
    })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('validation_error')
    expect(response.body.error.issues[0].path).toBe('limit')
  })
})

describe('GET /api/v1/webhooks/logs', () => {
  it('lists newest first and filters by source and status', async () => {
    const base = Date.parse('2026-01-01T00:00:00Z')
    for (const [offset, source, status] of [
      [0, 'fal', 'processed'],
      [1000, 'replicate', 'rejected'],
      [2000, 'fal', 'rejected'],
    ] as const) {
      await payload.create({
        collection: 'webhook-logs',
        overrideAccess: true,
        data: {
          source,
          status,
          received_at: new Date(base + offset).toISOString(),
          dedupe_key: `k${offset}`,
        },
      })
    }
    const all = await callRoute(listLogs, '/api/v1/webhooks/logs', { apiKey: viewerKey })
    expect(all.body.data.items.map((log: { source: string }) => log.source)).toEqual([
      'fal',
      'replicate',
      'fal',
    ])
    const falRejected = await callRoute(
      listLogs,
      '/api/v1/webhooks/logs?source=fal&status=rejected',
      {
        apiKey: viewerKey,
      },
    )
    expect(falRejected.body.data.total).toBe(1)
    const badStatus = await callRoute(listLogs, '/api/v1/webhooks/logs?status=lost', {
      apiKey: viewerKey,
    })
    expect(badStatus.status).toBe(400)
    expect(badStatus.body.error.issues[0].path).toBe('status')
  })
})
