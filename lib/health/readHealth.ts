// What /api/v1/health reports: database reachability, queue depth, the freshest worker heartbeat and
// inbound logs stuck or erroring.
import type { Payload } from 'payload'

import { QUEUED_DELIVERY_STATUSES } from '@/lib/model/deliveryStatus'
import { readInboundHealth, type InboundHealth } from './readInboundHealth'

export type WorkerHealth =
  | { status: 'absent'; last_heartbeat_at: null }
  | {
      status: 'alive' | 'stale'
      last_heartbeat_at: string
      worker_id: string
      alive_workers: number
    }

export type HubHealth = {
  status: 'ok' | 'degraded'
  database: { reachable: boolean; latency_ms: number; error?: string }
  queue: { depth: number | null; dead: number | null }
  inbound: InboundHealth | { stuck: null; errored: null }
  worker: WorkerHealth
}

async function readWorkerHealth(
  payload: Payload,
  now: Date,
  staleAfterMs: number,
): Promise<WorkerHealth> {
  const freshSince = new Date(now.getTime() - staleAfterMs).toISOString()
  const [latest, alive] = await Promise.all([
    payload.find({
      collection: 'workers',
      sort: '-last_heartbeat_at',
      limit: 1,
      overrideAccess: true,
      depth: 0,
    }),
    payload.count({
      collection: 'workers',
      where: {
        and: [
          { last_heartbeat_at: { greater_than: freshSince } },
          { state: { not_equals: 'stopped' } },
        ],
      },
      overrideAccess: true,
    }),
  ])
  const worker = latest.docs[0]
  if (!worker) return { status: 'absent', last_heartbeat_at: null }
  return {
    status: alive.totalDocs > 0 ? 'alive' : 'stale',
    last_heartbeat_at: worker.last_heartbeat_at,
    worker_id: worker.worker_id,
    alive_workers: alive.totalDocs,
  }
}

export async function readHealth(
  payload: Payload,
  options: { now?: Date; heartbeatStaleAfterMs: number },
): Promise<HubHealth> {
  const now = options.now ?? new Date()
  const started = performance.now()
  try {
    const [depth, dead, inbound, worker] = await Promise.all([
      payload.count({
        collection: 'webhook-deliveries',
        where: { status: { in: QUEUED_DELIVERY_STATUSES } },
        overrideAccess: true,
      }),
      payload.count({
        collection: 'webhook-deliveries',
        where: { status: { equals: 'dead' } },
        overrideAccess: true,
      }),
      readInboundHealth(payload, now),
      readWorkerHealth(payload, now, options.heartbeatStaleAfterMs),
    ])
    return {
      status: worker.status === 'alive' && inbound.stuck === 0 ? 'ok' : 'degraded',
      database: { reachable: true, latency_ms: Math.round(performance.now() - started) },
      queue: { depth: depth.totalDocs, dead: dead.totalDocs },
      inbound,
      worker,
    }
  } catch (error) {
    return {
      status: 'degraded',
      database: {
        reachable: false,
        latency_ms: Math.round(performance.now() - started),
        error: error instanceof Error ? error.message : String(error),
      },
      queue: { depth: null, dead: null },
      inbound: { stuck: null, errored: null },
      worker: { status: 'absent', last_heartbeat_at: null },
    }
  }
}
