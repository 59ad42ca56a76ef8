// The job-state store contract, run once per implementation: the worker's batched SQLite store and the
// Payload Local API store (the one MongoDB uses), on the same real database.
import { createClient, type Client } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getInboundLogStore } from '@/lib/inbound/store/getInboundLogStore'
import type { NormalizedJobUpdate } from '@/lib/inbound/normalizedJobUpdate'
import type { JobStateStore } from '@/lib/jobs/store/jobStateStore'
import { createPayloadJobStateStore } from '@/lib/jobs/store/payloadJobStateStore'
import { createSqliteJobStateStore } from '@/lib/jobs/store/sqliteJobStateStore'
import { loadActiveSubscriptions } from '@/lib/subscriptions/loadActiveSubscriptions'
import { bootHub } from '../helpers/bootHub'

let payload: Payload
let client: Client
let subscriptionId: number | string

beforeAll(async () => {
  payload = await bootHub()
  client = createClient({ url: process.env.DATABASE_URL! })
  await client.execute('PRAGMA busy_timeout = 10000')
  const subscription = await payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: {
      name: 'Every job event',
      url: 'https://receiver.example.com/hook',
      event_types: ['job.*'],
      secret: 'whsec_dGVzdC1zZWNyZXQtZm9yLWNvbnRyYWN0LXRlc3Rz',
    },
  })
  subscriptionId = subscription.id
})

afterAll(() => client.close())

let sequence = 0
function update(externalId: string, status: NormalizedJobUpdate['status'], at: string) {
  return {
    job_id: null,
    external_job_id: externalId,
    provider: 'lastframe',
    status,
    progress: null,
    result: status === 'completed' ? { url: `https://cdn.example.com/${externalId}.mp4` } : null,
    error_message: null,
    updated_at: at,
    source: 'webhook' as const,
  }
}

async function storeLog(externalId: string) {
  const [inserted] = await getInboundLogStore(payload).insertLogs([
    {
      source: 'lastframe',
      status: 'received',
      verified: true,
      rejectionReason: null,
      rawBody: '{}',
      rawBodyBase64: null,
      rawBodySize: null,
      headers: {},
      sourceIp: null,
      receivedAt: new Date(),
      dedupeKey: `contract-${externalId}-${(sequence += 1)}`,
      eventType: null,
      externalJobId: externalId,
      pathJobId: null,
    },
  ])
  return inserted.id
}

async function eventsOf(externalId: string) {
  const jobs = await payload.find({
    collection: 'jobs',
    where: { external_id: { equals: externalId } },
    depth: 0,
    overrideAccess: true,
  })
  const events = await payload.find({
    collection: 'webhook-events',
    where: { job_id: { equals: String(jobs.docs[0]?.id) } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return { job: jobs.docs[0], events: events.docs }
}

const implementations: [string, () => JobStateStore][] = [
  ['sqlite (batched, the worker store thread)', () => createSqliteJobStateStore(client)],
  ['payload (Local API, as on MongoDB)', () => createPayloadJobStateStore(payload)],
]

describe.each(implementations)('job-state store: %s', (name, makeStore) => {
  const id = (label: string) => `${label}-${name.split(' ')[0]}`

  it('creates a job on its first update and stores its event once, with a delivery per matching subscription', async () => {
    const externalId = id('first')
    const logId = await storeLog(externalId)
    const batch = await makeStore().applyJobUpdates(
      [
        {
          logId,
          update: update(externalId, 'queued', '2026-12-01T10:00:00.000Z'),
          finishLog: true,
        },
      ],
      await loadActiveSubscriptions(payload),
      new Date(),
    )
    expect(batch.results).toMatchObject([{ ok: true, applied: true, eventType: 'job.submitted' }])
    expect(batch.deliveriesCreated).toBe(1)
    const { job, events } = await eventsOf(externalId)
    expect(job).toMatchObject({ status: 'queued', provider: 'lastframe' })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ event_type: 'job.submitted', deliveries_created: 1 })
    expect(events[0].data).toMatchObject({ job_id: String(job!.id), job_status: 'queued' })
    const deliveries = await payload.find({
      collection: 'webhook-deliveries',
      where: { event_id: { equals: events[0].event_id } },
      depth: 0,
      overrideAccess: true,
    })
    expect(deliveries.docs.map((delivery) => delivery.webhook)).toEqual([subscriptionId])
  })

  it('applies a batch in arrival order: a terminal state stays, a late older update is ignored', async () => {
    const externalId = id('order')
    const logIds = [
      await storeLog(externalId),
      await storeLog(externalId),
      await storeLog(externalId),
    ]
    const batch = await makeStore().applyJobUpdates(
      [
        {
          logId: logIds[0],
          update: update(externalId, 'processing', '2026-12-01T10:00:01.000Z'),
          finishLog: true,
        },
        {
          logId: logIds[1],
          update: update(externalId, 'completed', '2026-12-01T10:00:02.000Z'),
          finishLog: true,
        },
        {
          logId: logIds[2],
          update: update(externalId, 'processing', '2026-12-01T10:00:00.000Z'),
          finishLog: true,
        },
      ],
      await loadActiveSubscriptions(payload),
      new Date(),
    )
    expect(batch.results.map((result) => result.ok && result.applied)).toEqual([true, true, false])
    expect(batch.results[2]).toMatchObject({ reason: 'job is already completed' })
    const { job, events } = await eventsOf(externalId)
    expect(job).toMatchObject({ status: 'completed', progress: 100 })
    expect(job!.result).toEqual({ url: `https://cdn.example.com/${externalId}.mp4` })
    expect((job!.status_history as unknown[]).length).toBe(2)
    expect(events.map((event) => event.event_type)).toEqual(['job.status_changed', 'job.completed'])
  })

  it('marks the logs it finishes processed with their job, and leaves the others to the caller', async () => {
    const externalId = id('logs')
    const finished = await storeLog(externalId)
    const leftOpen = await storeLog(externalId)
    await makeStore().applyJobUpdates(
      [
        {
          logId: finished,
          update: update(externalId, 'queued', '2026-12-01T10:00:00.000Z'),
          finishLog: true,
        },
        {
          logId: leftOpen,
          update: update(externalId, 'processing', '2026-12-01T10:00:01.000Z'),
          finishLog: false,
        },
      ],
      await loadActiveSubscriptions(payload),
      new Date(),
    )
    const read = (logId: number | string) =>
      payload.findByID({ collection: 'webhook-logs', id: logId, depth: 0, overrideAccess: true })
    const { job } = await eventsOf(externalId)
    expect(await read(finished)).toMatchObject({
      status: 'processed',
      job: job!.id,
      processing_attempts: 1,
    })
    expect(await read(leftOpen)).toMatchObject({ status: 'received', processing_attempts: 0 })
  })

  it('fails only the item that cannot be written and records that log as an error', async () => {
    const good = id('good')
    const bad = id('bad')
    const goodLog = await storeLog(good)
    const badLog = await storeLog(bad)
    const unserializable = {
      ...update(bad, 'completed', '2026-12-01T10:00:00.000Z'),
      result: { size: 1n },
    }
    const batch = await makeStore().applyJobUpdates(
      [
        { logId: badLog, update: unserializable, finishLog: true },
        {
          logId: goodLog,
          update: update(good, 'completed', '2026-12-01T10:00:00.000Z'),
          finishLog: true,
        },
      ],
      await loadActiveSubscriptions(payload),
      new Date(),
    )
    expect(batch.results.map((result) => result.ok)).toEqual([false, true])
    expect((await eventsOf(good)).job).toMatchObject({ status: 'completed' })
    expect((await eventsOf(bad)).job).toBeUndefined()
    const badRow = await payload.findByID({
      collection: 'webhook-logs',
      id: badLog,
      depth: 0,
      overrideAccess: true,
    })
    expect(badRow.status).toBe('error')
    expect(badRow.error_message).toMatch(/job-state/)
  })
})
