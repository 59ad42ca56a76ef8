// A worker that starts while another process holds SQLite's write lock past busy_timeout registers once the
// lock is free instead of exiting (seen as a worker crashing at start while three others delivered).
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startWorkerHeartbeat } from '@/lib/worker/workerHeartbeat'
import { bootHub } from '../../helpers/bootHub'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload
const otherProcess = createClient({ url: process.env.DATABASE_URL! })

beforeAll(async () => {
  payload = await bootHub()
})

afterAll(() => otherProcess.close())

describe('worker registration under a held write lock', () => {
  it('tries again after a busy refusal and registers once the lock is released', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await otherProcess.execute('BEGIN IMMEDIATE')
    const started = startWorkerHeartbeat(payload, {
      workerId: 'busy-start',
      intervalMs: 60_000,
      readInFlight: () => 0,
    })
    try {
      await waitFor(
        async () => warn.mock.calls.some(([line]) => String(line).includes('database busy')),
        Boolean,
        { timeoutMs: 60_000, what: 'a busy refusal' },
      )
    } finally {
      await otherProcess.execute('COMMIT')
    }
    const heartbeat = await started
    const { docs } = await payload.find({
      collection: 'workers',
      where: { worker_id: { equals: 'busy-start' } },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    await heartbeat.stop()
    warn.mockRestore()
  }, 90_000)
})
