// The worker loop that processes stored callbacks: claim received logs (leased), process them in
// arrival order, and leave the rest to the lease if this worker dies mid-way.
import type { Payload } from 'payload'

import type { WorkerLoop } from '@/lib/worker/runWorker'
import { processInboundLog } from './processInboundLog'
import type { ProviderContext } from './providers/inboundProvider'
import { getInboundLogStore } from './store/getInboundLogStore'

export type InboundProcessingOptions = {
  workerId: string
  leaseMs: number
  idlePollMs: number
  batchSize: number
  context: ProviderContext
}

export function createInboundProcessingLoop(
  payload: Payload,
  options: InboundProcessingOptions,
): WorkerLoop {
  const store = getInboundLogStore(payload)
  let running = false
  let inFlight = 0
  let done: Promise<void> = Promise.resolve()
  let wake: (() => void) | undefined

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const processBatch = async (): Promise<number> => {
    const ids = await store.claimReceivedLogs({
      workerId: options.workerId,
      now: options.context.now(),
      leaseMs: options.leaseMs,
      limit: options.batchSize,
    })
    if (ids.length === 0) return 0
    const logs = await payload.find({
      collection: 'webhook-logs',
      where: { id: { in: ids } },
      sort: 'received_at',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const log of logs.docs) {
      inFlight += 1
      try {
        await processInboundLog(payload, log, options.context)
      } finally {
        inFlight -= 1
      }
    }
    return ids.length
  }

  const loop = async () => {
    while (running) {
      try {
        if ((await processBatch()) === 0) await sleep(options.idlePollMs)
      } catch (error) {
        console.error('[worker] inbound processing failed', error)
        await sleep(Math.max(options.idlePollMs, 1_000))
      }
    }
  }

  return {
    name: 'inbound-processing',
    start() {
      running = true
      done = loop()
    },
    async drain() {
      running = false
      wake?.()
      await done
    },
    inFlight: () => inFlight,
  }
}
