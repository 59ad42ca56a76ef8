// The worker loop that processes stored callbacks: claim a batch of received logs (leased), process the
// batch set-based (processLogBatch), and leave the rest to the lease if this worker dies mid-way.
import type { Payload } from 'payload'

import type { JobStateStore } from '@/lib/jobs/store/jobStateStore'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { isTransientStoreError } from '@/lib/storeThread/isTransientStoreError'
import { processLogBatch } from './processLogBatch'
import type { ProviderContext } from './providers/inboundProvider'
import type { ClaimedLog, InboundLogStore } from './store/inboundLogStore'

export type InboundProcessingOptions = {
  workerId: string
  leaseMs: number
  idlePollMs: number
  batchSize: number
  context: ProviderContext
  logStore: Pick<InboundLogStore, 'claimLogs' | 'recordLogOutcomes'>
  jobStore: JobStateStore
  /** Called when a batch stored deliveries, so the delivery loop starts them at once. */
  onDeliveriesCreated?: () => void
}

export function createInboundProcessingLoop(
  payload: Payload,
  options: InboundProcessingOptions,
): WorkerLoop {
  const deps = {
    payload,
    context: options.context,
    jobStore: options.jobStore,
    logStore: options.logStore as InboundLogStore,
  }
  let running = false
  let inFlight = 0
  let done: Promise<void> = Promise.resolve()
  let wake: (() => void) | undefined
  let woken = false

  const nudge = () => {
    woken = true
    wake?.()
  }
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve()
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => {
      wake = undefined
    })

  const processBatch = async (): Promise<number> => {
    woken = false
    const logs = await options.logStore.claimLogs({
      workerId: options.workerId,
      now: options.context.now(),
      leaseMs: options.leaseMs,
      limit: options.batchSize,
    })
    if (logs.length === 0) return 0
    inFlight += logs.length
    try {
      const { deliveriesCreated } = await processBatchOrEach(logs)
      if (deliveriesCreated > 0) options.onDeliveriesCreated?.()
    } finally {
      inFlight -= logs.length
    }
    return logs.length
  }

  // A batch whose write fails as a whole is processed again one log at a time, so a log that cannot be
  // processed is marked `error` with its reason and never holds back the logs claimed with it. A fault of
  // the database itself (locked, busy, the store thread gone) is no fault of the logs: they go back to
  // their lease and are retried.
  const processBatchOrEach = async (logs: ClaimedLog[]) => {
    try {
      return await processLogBatch(deps, logs, options.context.now)
    } catch (batchError) {
      if (isTransientStoreError(batchError)) throw batchError
      let deliveriesCreated = 0
      for (const log of logs) {
        try {
          deliveriesCreated += (await processLogBatch(deps, [log], options.context.now))
            .deliveriesCreated
        } catch (error) {
          if (isTransientStoreError(error)) throw error
          const message = error instanceof Error ? error.message : String(error)
          await options.logStore.recordLogOutcomes(
            [{ id: log.id, status: 'error', error: message, normalized: null, jobId: null }],
            options.context.now(),
          )
        }
      }
      return { deliveriesCreated }
    }
  }

  const loop = async () => {
    while (running) {
      try {
        if ((await processBatch()) === 0) await sleep(options.idlePollMs)
      } catch (error) {
        console.error(
          '[worker] inbound processing failed; the batch is retried when its lease expires',
          error,
        )
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
      nudge()
      await done
    },
    inFlight: () => inFlight,
    nudge,
  }
}
