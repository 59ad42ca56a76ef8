// The worker process: background loops that share one heartbeat and drain together on SIGTERM.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'

import type { Payload } from 'payload'

import { startWakeListener } from '@/lib/wakeups/startWakeListener'
import type { WakeLane } from '@/lib/wakeups/wakeLanes'
import { startWorkerHeartbeat } from './workerHeartbeat'

export type WorkerLoop = {
  name: string
  start(): void
  /** Stops taking new work and resolves when work in hand is finished. */
  drain(): Promise<void>
  inFlight(): number
  /** Look for work now instead of at the next poll. */
  nudge?(): void
}

export type RunningWorker = { workerId: string; stop(): Promise<void> }

export async function runWorker(
  payload: Payload,
  options: { heartbeatMs: number; loops: (workerId: string) => WorkerLoop[] },
): Promise<RunningWorker> {
  const workerId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
  const loops = options.loops(workerId)
  const loopForLane: Record<WakeLane, string> = {
    delivery: 'delivery',
    inbound: 'inbound-processing',
  }
  const wakeListener = await startWakeListener((lane) =>
    loops.find((loop) => loop.name === loopForLane[lane])?.nudge?.(),
  )
  const heartbeat = await startWorkerHeartbeat(payload, {
    workerId,
    intervalMs: options.heartbeatMs,
    wakePort: wakeListener.port,
    readInFlight: () => loops.reduce((sum, loop) => sum + loop.inFlight(), 0),
  })
  for (const loop of loops) loop.start()
  console.log(
    `[worker] ${workerId} started: ${loops.map((loop) => loop.name).join(', ') || 'heartbeat only'}`,
  )

  let stopping: Promise<void> | undefined
  return {
    workerId,
    stop() {
      stopping ??= (async () => {
        await heartbeat.beat('draining')
        await Promise.all(loops.map((loop) => loop.drain()))
        await wakeListener.close()
        await heartbeat.stop()
        console.log(`[worker] ${workerId} drained and stopped`)
      })()
      return stopping
    },
  }
}
