// Processing one stored callback on request (an operator's retry): the worker's batch path, for a batch
// of one, through Payload's Local API so it can share the web process's database connection.
import type { Payload } from 'payload'

import { createPayloadJobStateStore } from '@/lib/jobs/store/payloadJobStateStore'
import type { WebhookLog } from '@/payload-types'
import { processLogBatch, type ProcessingResult } from './processLogBatch'
import type { ProviderContext } from './providers/inboundProvider'
import type { ClaimedLog } from './store/inboundLogStore'
import { getInboundLogStore } from './store/getInboundLogStore'

export type { ProcessingResult } from './processLogBatch'

function toClaimedLog(log: WebhookLog): ClaimedLog {
  const job = log.job
  return {
    id: log.id,
    source: log.source,
    rawBody: log.raw_body ?? null,
    rawBodyBase64: log.raw_body_base64 ?? null,
    dedupeKey: log.dedupe_key,
    eventType: log.event_type ?? null,
    externalJobId: log.external_job_id ?? null,
    pathJobId: log.path_job_id ?? null,
    jobId: job === null || job === undefined ? null : typeof job === 'object' ? job.id : job,
    receivedAt: log.received_at,
  }
}

export async function processInboundLog(
  payload: Payload,
  log: WebhookLog,
  context: ProviderContext,
): Promise<ProcessingResult> {
  const { results } = await processLogBatch(
    {
      payload,
      context,
      jobStore: createPayloadJobStateStore(payload),
      logStore: getInboundLogStore(payload),
    },
    [toClaimedLog(log)],
    () => new Date(),
  )
  return results[0]
}
