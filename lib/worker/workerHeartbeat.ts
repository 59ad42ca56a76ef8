// Registers a worker process and keeps its heartbeat fresh, so health checks can tell who is alive.
import { hostname } from 'node:os'

import type { Payload } from 'payload'

import { isTransientStoreError } from '@/lib/storeThread/isTransientStoreError'
import type { Worker } from '@/payload-types'

type WorkerState = 'running' | 'draining' | 'stopped'

const REGISTER_ATTEMPTS = 5

export type WorkerHeartbeat = {
  readonly workerId: string
  beat(state?: WorkerState, inFlight?: number): Promise<void>
  stop(): Promise<void>
}

// A worker starting while other processes keep SQLite's write lock busy can be refused it once its
// busy_timeout has run out; it asks again instead of exiting (each try has already waited that long).
async function registerWorker(
  payload: Payload,
  data: Omit<Worker, 'id' | 'createdAt' | 'updatedAt'>,
) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await payload.create({
        collection: 'workers',
        overrideAccess: true,
        // One row, no related rows: already atomic (see beat below).
        disableTransaction: true,
        data,
      })
    } catch (error) {
      if (!isTransientStoreError(error) || attempt >= REGISTER_ATTEMPTS) throw error
      console.warn(`[worker] registering: database busy, trying again (${attempt})`)
      // The wait for the lock blocks this thread; let the event loop turn between tries.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}

export async function startWorkerHeartbeat(
  payload: Payload,
  options: {
    workerId: string
    intervalMs: number
    wakePort?: number
    readInFlight: () => number
  },
): Promise<WorkerHeartbeat> {
  const startedAt = new Date().toISOString()
  const doc = await registerWorker(payload, {
    worker_id: options.workerId,
    hostname: hostname(),
    pid: process.pid,
    state: 'running',
    started_at: startedAt,
    last_heartbeat_at: startedAt,
    in_flight: 0,
    wake_port: options.wakePort ?? null,
  })
  let state: WorkerState = 'running'

  const beat = async (nextState: WorkerState = state, inFlight = options.readInFlight()) => {
    state = nextState
    await payload.update({
      collection: 'workers',
      id: doc.id,
      overrideAccess: true,
      // One row, no related rows: already atomic. A transaction would hold SQLite's write lock across the
      // event-loop turns of a busy worker, and every other process's writer would wait for them.
      disableTransaction: true,
      data: { state, last_heartbeat_at: new Date().toISOString(), in_flight: inFlight },
    })
  }

  const timer = setInterval(() => {
    beat().catch((error) => console.error('[worker] heartbeat failed', error))
  }, options.intervalMs)

  return {
    workerId: options.workerId,
    beat,
    async stop() {
      clearInterval(timer)
      await beat('stopped', 0)
    },
  }
}
