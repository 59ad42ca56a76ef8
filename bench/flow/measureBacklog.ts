// Backlog phase: callbacks stored while no worker runs, then a worker started on them while other events
// are published at a steady rate. The other events must keep flowing (their delivery rate beside the
// drain, against the same stream on an idle hub) and the worker's heartbeat must never go stale.
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { waitUntil } from '../chaos/waitUntil'
import { preciseNow } from '../outbound/receiverProtocol'
import { percentile } from '../outbound/statistics'
import { fireTimedCallbacks } from './fireTimedCallbacks'
import { publishSteadily } from './publishSteadily'
import type { ArrivalReceiver } from './startArrivalReceiver'
import type { FlowHub } from './startFlowHub'
import { sampleHeartbeat } from './sampleHeartbeat'

export type StreamFigures = {
  published: number
  deliveredPerSecond: number
  p50Ms: number
  p99Ms: number
}

export type BacklogResult = {
  callbacks: number
  acknowledged: number
  drainMs: number
  drainRate: number
  streamPerSecond: number
  idleStream: StreamFigures
  drainStream: StreamFigures
  /** The stream's delivery rate during the drain over its rate on the idle hub. */
  streamRatio: number
  heartbeat: { samples: number; maxAgeMs: number; notAliveSamples: number }
}

type Args = {
  hub: FlowHub
  receiver: ArrivalReceiver
  callbacks: number
  connections: number
  streamPerSecond: number
}

async function waitForKeys(receiver: ArrivalReceiver, prefix: string, count: number, what: string) {
  const arrived = await waitUntil(async () => (await receiver.count(prefix)).unique >= count, {
    timeoutMs: 300_000,
    intervalMs: 100,
    what,
  })
  if (!arrived) throw new Error(`backlog: ${what} did not all arrive within 300 s`)
}

/** Deliveries of the stream's events that arrived within [from, to], and their publish→arrival times. */
function figuresOf(
  published: Map<string, number>,
  arrivals: Map<string, number>,
  window: { from: number; to: number },
): StreamFigures {
  const latencies: number[] = []
  let deliveredInWindow = 0
  for (const [key, sentAt] of published) {
    const at = arrivals.get(key)
    if (at === undefined) throw new Error(`backlog: no delivery recorded for ${key}`)
    if (sentAt >= window.from && sentAt <= window.to) latencies.push(at - sentAt)
    if (at >= window.from && at <= window.to) deliveredInWindow += 1
  }
  return {
    published: published.size,
    deliveredPerSecond: (deliveredInWindow * 1_000) / (window.to - window.from),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  }
}

async function runIdleStream(args: Args, tag: string): Promise<StreamFigures> {
  const prefix = `backlog-idle-${tag}-`
  const from = preciseNow()
  const stream = publishSteadily(args.hub.api, { prefix, perSecond: args.streamPerSecond })
  await new Promise((resolve) => setTimeout(resolve, 5_000))
  await stream.stop()
  const to = preciseNow()
  await waitForKeys(args.receiver, prefix, stream.published.size, 'idle stream deliveries')
  const file = path.join(args.hub.database.directory, `arrivals-${prefix}.json`)
  return figuresOf(stream.published, await args.receiver.arrivals(prefix, file), { from, to })
}

export async function measureBacklog(args: Args): Promise<BacklogResult> {
  const tag = randomBytes(3).toString('hex')
  const idleStream = await runIdleStream(args, tag)

  await args.hub.stopWorker()
  const backlogPrefix = `backlog-${tag}-`
  const firing = await fireTimedCallbacks({
    url: `${args.hub.api.baseUrl}/api/v1/webhooks/fal`,
    requestIds: Array.from({ length: args.callbacks }, (_, index) => `${backlogPrefix}${index}`),
    concurrency: args.connections,
    sign: (requestId) =>
      args.hub.signer.signCallback(requestId, {
        images: [{ url: 'https://cdn.example.com/b.png' }],
      }),
    timeoutMs: 120_000 + args.callbacks * 50,
  })
  const acknowledged = firing.acknowledged.length

  const streamPrefix = `backlog-drain-${tag}-`
  await args.hub.startWorker()
  const from = preciseNow()
  const heartbeat = sampleHeartbeat(args.hub.api, 250)
  const stream = publishSteadily(args.hub.api, {
    prefix: streamPrefix,
    perSecond: args.streamPerSecond,
  })
  await waitForKeys(
    args.receiver,
    backlogPrefix,
    acknowledged,
    `${acknowledged} backlog deliveries`,
  )
  const to = preciseNow()
  await stream.stop()
  const beats = await heartbeat.stop()
  await waitForKeys(args.receiver, streamPrefix, stream.published.size, 'drain stream deliveries')
  const file = path.join(args.hub.database.directory, `arrivals-${streamPrefix}.json`)
  const drainStream = figuresOf(
    stream.published,
    await args.receiver.arrivals(streamPrefix, file),
    {
      from,
      to,
    },
  )
  return {
    callbacks: args.callbacks,
    acknowledged,
    drainMs: to - from,
    drainRate: (acknowledged * 1_000) / (to - from),
    streamPerSecond: args.streamPerSecond,
    idleStream,
    drainStream,
    streamRatio: drainStream.deliveredPerSecond / idleStream.deliveredPerSecond,
    heartbeat: beats,
  }
}
