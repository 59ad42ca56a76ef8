// Signals new work to the live workers on this host (their wake ports come from their heartbeat rows,
// read at most once a second). Signals for one lane within one tick go out as one datagram per worker.
import { createSocket, type Socket } from 'node:dgram'
import { hostname } from 'node:os'

import type { Payload } from 'payload'

import { WAKE_LANES, type WakeLane } from './wakeLanes'

const PORTS_TTL_MS = 1_000
// A worker that has not beaten for this long is not signalled (its heartbeat is every 5 s by default).
const LIVE_WITHIN_MS = 30_000

export type WakeNotifier = { notify(lane: WakeLane): void }

const notifiers = new WeakMap<Payload, WakeNotifier>()

function createWakeNotifier(payload: Payload): WakeNotifier {
  let socket: Socket | undefined
  let ports: { readAt: number; value: Promise<number[]> } | undefined
  const pending = new Set<WakeLane>()

  const readPorts = (): Promise<number[]> => {
    if (ports && Date.now() - ports.readAt < PORTS_TTL_MS) return ports.value
    const value = payload
      .find({
        collection: 'workers',
        where: {
          and: [
            { hostname: { equals: hostname() } },
            { state: { equals: 'running' } },
            { last_heartbeat_at: { greater_than: new Date(Date.now() - LIVE_WITHIN_MS) } },
          ],
        },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { wake_port: true },
      })
      .then((found) =>
        found.docs
          .map((doc) => doc.wake_port)
          .filter((port): port is number => typeof port === 'number' && port > 0),
      )
      .catch(() => [])
    ports = { readAt: Date.now(), value }
    return value
  }

  const flush = async () => {
    const lanes = [...pending]
    pending.clear()
    const targets = await readPorts()
    if (targets.length === 0) return
    socket ??= createSocket('udp4').on('error', () => undefined)
    socket.unref()
    for (const lane of lanes) {
      const message = Buffer.from(WAKE_LANES[lane], 'latin1')
      for (const port of targets) socket.send(message, port, '127.0.0.1')
    }
  }

  return {
    notify(lane) {
      if (pending.size === 0) setImmediate(() => void flush())
      pending.add(lane)
    },
  }
}

export function getWakeNotifier(payload: Payload): WakeNotifier {
  let notifier = notifiers.get(payload)
  if (!notifier) {
    notifier = createWakeNotifier(payload)
    notifiers.set(payload, notifier)
  }
  return notifier
}
