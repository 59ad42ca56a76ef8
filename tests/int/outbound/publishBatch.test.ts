import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as publishBatch } from '@/app/api/v1/webhooks/events/batch/route'
import { POST as publish } from '@/app/api/v1/webhooks/events/route'
import { POST as createSubscription } from '@/app/api/v1/webhooks/subscriptions/route'
import { MAX_BATCH_EVENTS, PUBLISH_BODY_LIMIT_BYTES } from '@/lib/events/publishLimits'
import { bootHub } from '../../helpers/bootHub'
import { callRoute } from '../../helpers/callRoute'
import { createTestUser } from '../../helpers/createTestUser'

let payload: Payload
let operatorKey: string

beforeAll(async () => {
  payload = await bootHub()
  const adminKey = (await createTestUser(payload, 'admin')).apiKey
  operatorKey = (await createTestUser(payload, 'operator')).apiKey
  const subscribed = await callRoute(createSubscription, '/x', {
    method: 'POST',
    apiKey: adminKey,
    body: JSON.stringify({
      name: 'Reports',
      url: 'http://127.0.0.1:9/hook',
      event_types: ['report.generated'],
    }),
  })
  expect(subscribed.status).toBe(201)
})

async function deliveriesOf(eventId: string) {
  const { totalDocs } = await payload.count({
    collection: 'webhook-deliveries',
    where: { event_id: { equals: eventId } },
    overrideAccess: true,
  })
  return totalDocs
}

function postBatch(body: unknown) {
  return callRoute(publishBatch, '/x', {
    method: 'POST',
    apiKey: operatorKey,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

describe('batch publish API', () => {
  it('publishes the valid events and reports the invalid one by index without failing the others', async () => {
    const response = await postBatch({
      events: [
        { event_type: 'report.generated', data: { report_id: 'a' }, event_id: 'evt_batch_a' },
        { event_type: 'Not A Type', data: {} },
        { event_type: 'report.generated', data: { report_id: 'c' }, event_id: 'evt_batch_c' },
      ],
    })
    expect(response.status).toBe(200)
    expect(response.body.success).toBe(true)
    const { results, published, duplicates, failed } = response.body.data
    expect({ published, duplicates, failed }).toEqual({ published: 2, duplicates: 0, failed: 1 })
    expect(
      results.map((result: { index: number; ok: boolean }) => [result.index, result.ok]),
    ).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ])
    expect(results[0]).toMatchObject({
      status: 201,
      event_id: 'evt_batch_a',
      event_type: 'report.generated',
      deliveries_created: 1,
      duplicate: false,
    })
    expect(results[1].status).toBe(400)
    expect(results[1].error.code).toBe('validation_error')
    expect(results[1].error.issues.map((issue: { path: string }) => issue.path)).toContain(
      'event_type',
    )
    expect(await deliveriesOf('evt_batch_a')).toBe(1)
    expect(await deliveriesOf('evt_batch_c')).toBe(1)
  })

  it('reports an event whose data does not match its type as that item’s 400', async () => {
    const response = await postBatch({
      events: [
        { event_type: 'job.completed', data: { job_type: 'x' } },
        { event_type: 'report.generated', data: { report_id: 'ok' }, event_id: 'evt_batch_ok' },
      ],
    })
    expect(response.status).toBe(200)
    const [bad, good] = response.body.data.results
    expect(bad).toMatchObject({ index: 0, ok: false, status: 400 })
    expect(bad.error.issues.map((issue: { path: string }) => issue.path)).toContain('data.job_id')
    expect(good).toMatchObject({ index: 1, ok: true, deliveries_created: 1 })
  })

  it('answers a repeated event_id as a duplicate that creates nothing', async () => {
    const event = { event_type: 'report.generated', data: { report_id: 'd' }, event_id: 'evt_dup' }
    expect((await postBatch({ events: [event] })).body.data.published).toBe(1)
    const repeat = await postBatch({ events: [event] })
    expect(repeat.status).toBe(200)
    expect(repeat.body.data).toMatchObject({ published: 0, duplicates: 1, failed: 0 })
    expect(repeat.body.data.results[0]).toMatchObject({
      ok: true,
      status: 200,
      duplicate: true,
      deliveries_created: 0,
    })
    expect(await deliveriesOf('evt_dup')).toBe(1)
  })

  it.each([
    [
      'more than 1,000 events',
      {
        events: Array.from({ length: MAX_BATCH_EVENTS + 1 }, (_, index) => ({
          event_type: 'report.generated',
          data: { report_id: `over-${index}` },
          event_id: `evt_over_${index}`,
        })),
      },
    ],
    ['events that are not an array', { events: { event_type: 'report.generated', data: {} } }],
    ['no events', { events: [] }],
  ])('answers 400 for %s and publishes nothing', async (_, body) => {
    const response = await postBatch(body)
    expect(response.status).toBe(400)
    expect(response.body.success).toBe(false)
    expect(response.body.error.code).toBe('validation_error')
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toContain(
      'events',
    )
    expect(await deliveriesOf('evt_over_0')).toBe(0)
  })

  it('answers 413 for a body over the limit', async () => {
    const response = await postBatch(
      JSON.stringify({ events: [{ padding: 'x'.repeat(PUBLISH_BODY_LIMIT_BYTES) }] }),
    )
    expect(response.status).toBe(413)
    expect(response.body.error.code).toBe('payload_too_large')
  })

  it('answers concurrent single publishes each on its own, sharing writes', async () => {
    const bodies = Array.from({ length: 20 }, (_, index) =>
      index === 7
        ? { event_type: 'report.generated', data: 'not an object' }
        : { event_type: 'report.generated', data: { report_id: `s${index}` } },
    )
    const responses = await Promise.all(
      bodies.map((body) =>
        callRoute(publish, '/x', {
          method: 'POST',
          apiKey: operatorKey,
          body: JSON.stringify(body),
        }),
      ),
    )
    expect(responses.map((response) => response.status)).toEqual(
      bodies.map((_, index) => (index === 7 ? 400 : 201)),
    )
    const eventIds = responses.filter((r) => r.status === 201).map((r) => r.body.data.event_id)
    expect(new Set(eventIds).size).toBe(19)
    for (const eventId of eventIds) expect(await deliveriesOf(eventId)).toBe(1)
  })
})
