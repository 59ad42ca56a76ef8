// Burst phase: N signed callbacks at once, then every job.completed delivery they cause, timed per job.
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { waitUntil } from '../chaos/waitUntil'
import { percentile } from '../outbound/statistics'
import { fireTimedCallbacks } from './fireTimedCallbacks'
import { readCpuMs } from './readProcessCpu'
import type { ArrivalReceiver } from './startArrivalReceiver'
import type { FlowHub } from './startFlowHub'

export type BurstResult = {
  callbacks: number
  acknowledged: number
  failures: Record<string, number>
  delivered: number
  duplicateDeliveries: number
  ackRate: number
  endToEndRate: number
  sentToDeliveredP50Ms: number
  sentToDeliveredP99Ms: number
  ackedToDeliveredP50Ms: number
  ackedToDeliveredP99Ms: number
  workerCpuMsPerCallback: number
  webCpuMsPerCallback: number
}

export async function measureBurst(args: {
  hub: FlowHub
  receiver: ArrivalReceiver
  callbacks: number
  connections: number
  round: number
}): Promise<BurstResult> {
  const { hub, receiver, callbacks } = args
  const prefix = `flow-burst-${args.round}-${randomBytes(3).toString('hex')}-`
  const requestIds = Array.from({ length: callbacks }, (_, index) => `${prefix}${index}`)
  const cpuBefore = { worker: readCpuMs(hub.workerPid), web: readCpuMs(hub.webPid) }

  const firing = await fireTimedCallbacks({
    url: `${hub.api.baseUrl}/api/v1/webhooks/fal`,
    requestIds,
    concurrency: args.connections,
    sign: (requestId) =>
      hub.signer.signCallback(requestId, { images: [{ url: 'https://cdn.example.com/a.png' }] }),
    timeoutMs: 120_000 + callbacks * 50,
  })
  const expected = firing.acknowledged.length
  // The product ran ~34 callbacks/s end to end when this bench was written: allow well below that.
  const deliveryTimeoutMs = 60_000 + callbacks * 100
  let counted = { unique: 0, requests: 0 }
  const arrived = await waitUntil(
    async () => {
      counted = await receiver.count(prefix)
      return counted.unique >= expected
    },
    { timeoutMs: deliveryTimeoutMs, intervalMs: 100, what: `${expected} burst deliveries` },
  )
  if (!arrived) {
    throw new Error(
      `burst round ${args.round}: ${counted.unique} of ${expected} acknowledged callbacks delivered within ${deliveryTimeoutMs} ms`,
    )
  }
  const cpuAfter = { worker: readCpuMs(hub.workerPid), web: readCpuMs(hub.webPid) }

  const arrivals = await receiver.arrivals(
    prefix,
    path.join(hub.database.directory, `arrivals-${args.round}.json`),
  )
  const sentToDelivered: number[] = []
  const ackedToDelivered: number[] = []
  let lastArrival = 0
  for (const callback of firing.acknowledged) {
    const at = arrivals.get(callback.requestId)
    if (at === undefined) throw new Error(`burst: no delivery recorded for ${callback.requestId}`)
    sentToDelivered.push(at - callback.sentAt)
    ackedToDelivered.push(at - callback.ackedAt)
    lastArrival = Math.max(lastArrival, at)
  }

  return {
    callbacks,
    acknowledged: expected,
    failures: firing.failures,
    delivered: counted.unique,
    duplicateDeliveries: counted.requests - counted.unique,
    ackRate: (expected * 1_000) / (firing.lastAckedAt - firing.firstSentAt),
    endToEndRate: (expected * 1_000) / (lastArrival - firing.firstSentAt),
    sentToDeliveredP50Ms: percentile(sentToDelivered, 0.5),
    sentToDeliveredP99Ms: percentile(sentToDelivered, 0.99),
    ackedToDeliveredP50Ms: percentile(ackedToDelivered, 0.5),
    ackedToDeliveredP99Ms: percentile(ackedToDelivered, 0.99),
    workerCpuMsPerCallback: (cpuAfter.worker - cpuBefore.worker) / callbacks,
    webCpuMsPerCallback: (cpuAfter.web - cpuBefore.web) / callbacks,
  }
}
