import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET as getHealth } from '@/app/api/v1/health/route'
import { startWorkerHeartbeat } from '@/lib/worker/workerHeartbeat'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

describe('GET /api/v1/health', () => {
  it('reports the database reachable, the queue depth and no worker before one starts', async () => {
    const webhook = await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: {
        name: 'r',
        url: 'https://r.example.com',
        event_types: ['job.*'],
        secret: 'whsec_eHl6eHl6eHl6eHl6eHl6',
      },
    })
    for (const status of ['pending', 'failed', 'succeeded', 'dead'] as const) {
      await payload.db.create({
        collection: 'webhook-deliveries',
        data: {
          webhook: webhook.id,
          event_id: `evt_${status}`,
          event_type: 'job.completed',
          message_id: `msg_${status}`,
          payload: {},
          status,
          attempt_count: 0,
          max_attempts: 3,
        },
      })
    }
    const response = await callRoute(getHealth, '/api/v1/health')
    expect(response.status).toBe(200)
    expect(response.body.data).toMatchObject({
      database: { reachable: true },
      queue: { depth: 2, dead: 1 },
      worker: { status: 'absent', last_heartbeat_at: null },
    })
  })

  it('shows a worker alive while it beats and stopped workers as not alive', async () => {
    const heartbeat = await startWorkerHeartbeat(payload, {
      workerId: 'test-worker',
      intervalMs: 60_000,
      readInFlight: () => 0,
    })
    const alive = await callRoute(getHealth, '/api/v1/health')
    expect(alive.body.data.worker).toMatchObject({
      status: 'alive',
      worker_id: 'test-worker',
      alive_workers: 1,
    })
    await heartbeat.stop()
    const stopped = await callRoute(getHealth, '/api/v1/health')
    expect(stopped.body.data.worker).toMatchObject({ status: 'stale', alive_workers: 0 })
  })
})
