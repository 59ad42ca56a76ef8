// Job-state store over Payload's Local API, for any adapter (MongoDB, and the web process's retries on
// SQLite, which share Payload's connection): one update at a time, the same decisions as the batched store.
import type { Payload } from 'payload'

import { applyJobUpdate } from '@/lib/jobs/applyJobUpdate'
import { getInboundLogStore } from '@/lib/inbound/store/getInboundLogStore'
import type { JobStateStore, JobUpdateItemResult } from './jobStateStore'

export function createPayloadJobStateStore(payload: Payload): JobStateStore {
  return {
    async applyJobUpdates(items, _subscriptions, now) {
      const results: JobUpdateItemResult[] = []
      let deliveriesCreated = 0
      for (const item of items) {
        let result: JobUpdateItemResult
        try {
          const { deliveriesCreated: created, ...outcome } = await applyJobUpdate(
            payload,
            item.update,
            now,
          )
          result = { logId: item.logId, ok: true, ...outcome }
          deliveriesCreated += created
        } catch (error) {
          result = {
            logId: item.logId,
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          }
        }
        results.push(result)
        if (item.finishLog) {
          await getInboundLogStore(payload).recordLogOutcomes(
            [
              {
                id: item.logId,
                status: result.ok ? 'processed' : 'error',
                error: result.ok ? null : `Handler job-state failed: ${result.error}`,
                normalized: item.update,
                jobId: result.ok && result.job ? result.job.id : null,
              },
            ],
            now,
          )
        }
      }
      return { results, deliveriesCreated }
    },
  }
}
