// Applying the job-state updates of a whole batch of callbacks in one write, one implementation per
// database: jobs updated in arrival order (status rank decides what applies), their job.* events stored
// once with their deliveries, and (when nothing else is left to run for them) the logs marked
// processed, all together.
import type { DocumentId } from '@/lib/delivery/deliveryTypes'
import type { NormalizedJobUpdate } from '@/lib/inbound/normalizedJobUpdate'
import type { ActiveSubscription } from '@/lib/subscriptions/loadActiveSubscriptions'
import type { Job } from '@/payload-types'

export type JobUpdateItem = {
  logId: DocumentId
  update: NormalizedJobUpdate
  /** Record the log as processed (or errored) in the same write: no handler runs after this one. */
  finishLog: boolean
}

export type JobUpdateItemResult =
  | {
      logId: DocumentId
      ok: true
      job: Job
      applied: boolean
      reason?: string
      eventType: string | null
    }
  | { logId: DocumentId; ok: false; error: string }

export type JobUpdateBatchResult = { results: JobUpdateItemResult[]; deliveriesCreated: number }

export interface JobStateStore {
  /** Items apply in the order given (arrival order); one failing item fails only itself. */
  applyJobUpdates(
    items: JobUpdateItem[],
    subscriptions: ActiveSubscription[],
    now: Date,
  ): Promise<JobUpdateBatchResult>
}
