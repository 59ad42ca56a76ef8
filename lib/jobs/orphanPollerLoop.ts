// The orphan poller: jobs that are not terminal and have heard nothing for ORPHAN_AFTER_MS are polled
// through the provider's API; a poll that learns nothing backs that job off exponentially.
import type { Payload } from 'payload'

import { BUILT_IN_PROVIDER_MODULES } from '@/lib/inbound/providers/builtInProviders'
import type { ProviderContext } from '@/lib/inbound/providers/inboundProvider'
import { BUILT_IN_PROVIDERS, type BuiltInProvider } from '@/lib/model/providers'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import type { Job } from '@/payload-types'
import { applyJobUpdate } from './applyJobUpdate'

export type OrphanPollerOptions = {
  orphanAfterMs: number
  intervalMs: number
  batchSize: number
  maxBackoffMs: number
  context: ProviderContext
}

export function computePollBackoff(
  pollAttempts: number,
  orphanAfterMs: number,
  maxBackoffMs: number,
): number {
  return Math.min(maxBackoffMs, orphanAfterMs * 2 ** Math.max(0, pollAttempts))
}

export async function pollOrphanedJobs(
  payload: Payload,
  options: OrphanPollerOptions,
): Promise<number> {
  const now = options.context.now()
  const quietSince = new Date(now.getTime() - options.orphanAfterMs).toISOString()
  const due = await payload.find({
    collection: 'jobs',
    where: {
      and: [
        { status: { in: ['queued', 'processing'] } },
        { provider: { in: [...BUILT_IN_PROVIDERS] } },
        { external_id: { exists: true } },
        { last_update_at: { less_than: quietSince } },
        {
          or: [
            { next_poll_at: { exists: false } },
            { next_poll_at: { less_than_equal: now.toISOString() } },
          ],
        },
      ],
    },
    sort: 'last_update_at',
    limit: options.batchSize,
    depth: 0,
    overrideAccess: true,
  })
  for (const job of due.docs) await pollOneJob(payload, job, options)
  return due.docs.length
}

async function pollOneJob(payload: Payload, job: Job, options: OrphanPollerOptions): Promise<void> {
  const provider = BUILT_IN_PROVIDER_MODULES[job.provider as BuiltInProvider]
  const now = options.context.now()
  const attempts = (job.poll_attempts ?? 0) + 1
  // Every applied update resets poll_attempts, so a first poll is the first of a new quiet spell.
  const orphanDetections = (job.orphan_detections ?? 0) + (attempts === 1 ? 1 : 0)
  const backOff = () =>
    payload.update({
      collection: 'jobs',
      id: job.id,
      overrideAccess: true,
      data: {
        orphan_detections: orphanDetections,
        poll_attempts: attempts,
        next_poll_at: new Date(
          now.getTime() + computePollBackoff(attempts, options.orphanAfterMs, options.maxBackoffMs),
        ).toISOString(),
      },
    })
  try {
    const update = await provider.poll(job, options.context)
    const learnedSomething =
      update.status !== job.status || (update.progress ?? job.progress) !== job.progress
    if (!learnedSomething) {
      await backOff()
      return
    }
    await applyJobUpdate(payload, { ...update, job_id: String(job.id), source: 'poll' }, now, {
      orphan_detections: orphanDetections,
      orphan_recoveries: (job.orphan_recoveries ?? 0) + 1,
    })
  } catch (error) {
    console.warn(
      `[worker] polling job ${job.id} (${job.provider}) failed: ${error instanceof Error ? error.message : error}`,
    )
    await backOff()
  }
}

export function createOrphanPollerLoop(payload: Payload, options: OrphanPollerOptions): WorkerLoop {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const tick = () => {
    running = pollOrphanedJobs(payload, options)
      .catch((error) => console.error('[worker] orphan poller failed', error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs)
      })
  }
  return {
    name: 'orphan-poller',
    start() {
      timer = setTimeout(tick, options.intervalMs)
    },
    async drain() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
    inFlight: () => 0,
  }
}
