// Idle phase: one callback at a time on a quiet hub, each waited for until its delivery arrives.
import { randomBytes } from 'node:crypto'

import { sleep } from '../chaos/waitUntil'
import { percentile } from '../outbound/statistics'
import { sendSignedCallback } from './fireTimedCallbacks'
import type { ArrivalReceiver } from './startArrivalReceiver'
import type { FlowHub } from './startFlowHub'

export type IdleResult = { samples: number; p50Ms: number; p99Ms: number; maxMs: number }

const DELIVERY_TIMEOUT_MS = 30_000

async function waitForArrival(receiver: ArrivalReceiver, requestId: string): Promise<number> {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS
  while (Date.now() < deadline) {
    const at = await receiver.arrivalOf(requestId)
    if (at !== null) return at
    await sleep(5)
  }
  throw new Error(`idle: no delivery for ${requestId} within ${DELIVERY_TIMEOUT_MS} ms`)
}

export async function measureIdleFlow(args: {
  hub: FlowHub
  receiver: ArrivalReceiver
  samples: number
  gapMs: number
  round: number
}): Promise<IdleResult> {
  const { hub, receiver } = args
  const prefix = `flow-idle-${args.round}-${randomBytes(3).toString('hex')}-`
  const latencies: number[] = []
  for (let sample = 0; sample < args.samples; sample += 1) {
    const requestId = `${prefix}${sample}`
    const signed = hub.signer.signCallback(requestId, { images: [] })
    const answer = await sendSignedCallback(`${hub.api.baseUrl}/api/v1/webhooks/fal`, signed)
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`idle: callback ${requestId} answered HTTP ${answer.status}`)
    }
    latencies.push((await waitForArrival(receiver, requestId)) - answer.sentAt)
    await sleep(args.gapMs)
  }
  return {
    samples: latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: Math.max(...latencies),
  }
}
