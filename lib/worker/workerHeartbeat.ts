// Registers a worker process and keeps its heartbeat fresh, so health checks can tell who is alive.
import { hostname } from 'node:os'

import type { Payload } from 'payload'

type WorkerState = 'running' | 'draining' | 'stopped'

export type WorkerHeartbeat = {
  readonly workerId: string
  beat(state?: WorkerState, inFlight?: number): Promise<void>
  stop(): Promise<void>
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
  const doc = await payload.create({
    collection: 'workers',
    overrideAccess: true,
    data: {
      worker_id: options.workerId,
      hostname: hostname(),
      pid: process.pid,
      state: 'running',
      started_at: startedAt,
      last_heartbeat_at: startedAt,
      in_flight: 0,
      wake_port: options.wakePort ?? null,
    },
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
