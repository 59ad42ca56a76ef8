// Applies a normalized update to its job: terminal states stay, late older callbacks are ignored,
// and every real change publishes its job.* event through the outbound publish function.
import type { Payload } from 'payload'

import { publishEvent } from '@/lib/events/publishEvent'
import { isTerminalJobStatus } from '@/lib/model/jobStatus'
import type { NormalizedJobUpdate } from '@/lib/inbound/normalizedJobUpdate'
import type { Job } from '@/payload-types'
import { eventTypeForJobChange, rankJobStatus } from './jobStatusEvents'

export type JobUpdateOutcome = {
  job: Job
  applied: boolean
  reason?: string
  eventType: string | null
}

const MAX_HISTORY = 100

async function findJob(payload: Payload, update: NormalizedJobUpdate): Promise<Job | null> {
  if (update.job_id && /^(\d{1,18}|[a-f0-9]{24})$/.test(update.job_id)) {
    const byId = await payload.find({
      collection: 'jobs',
      where: { id: { equals: update.job_id } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (byId.docs[0]) return byId.docs[0]
  }
  const byExternal = await payload.find({
    collection: 'jobs',
    where: {
      and: [
        { provider: { equals: update.provider } },
        { external_id: { equals: update.external_job_id } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return byExternal.docs[0] ?? null
}

function whyIgnored(job: Job, update: NormalizedJobUpdate): string | null {
  if (isTerminalJobStatus(job.status)) return `job is already ${job.status}`
  const current = job.provider_updated_at ? Date.parse(job.provider_updated_at) : 0
  if (
    rankJobStatus(update.status) < rankJobStatus(job.status) &&
    Date.parse(update.updated_at) <= current
  ) {
    return `older ${update.status} update after ${job.status}`
  }
  return null
}

function toJobEventData(job: Job) {
  return {
    job_id: String(job.id),
    job_type: job.job_type ?? undefined,
    job_status: job.status,
    priority: job.priority ?? undefined,
    machine_id: job.machine_id ?? undefined,
    worker_id: job.worker_id ?? undefined,
    provider: job.provider,
    external_job_id: job.external_id ?? undefined,
    progress: job.progress ?? undefined,
    result: job.result ?? undefined,
    error_message: job.error_message ?? undefined,
  }
}

export async function applyJobUpdate(
  payload: Payload,
  update: NormalizedJobUpdate,
  now: Date,
): Promise<JobUpdateOutcome> {
  const existing = await findJob(payload, update)
  if (existing) {
    const ignored = whyIgnored(existing, update)
    if (ignored) return { job: existing, applied: false, reason: ignored, eventType: null }
  }
  const previousStatus = existing?.status ?? null
  const progress =
    update.progress ?? (update.status === 'completed' ? 100 : (existing?.progress ?? 0))
  const history = Array.isArray(existing?.status_history) ? existing.status_history : []
  const data = {
    provider: update.provider,
    external_id: update.external_job_id,
    status: update.status,
    progress,
    ...(update.result !== null ? { result: update.result as Job['result'] } : {}),
    ...(update.error_message !== null ? { error_message: update.error_message } : {}),
    provider_updated_at: update.updated_at,
    last_update_at: now.toISOString(),
    last_update_source: update.source,
    next_poll_at: null,
    poll_attempts: 0,
    status_history: [
      ...history,
      { status: update.status, progress, at: update.updated_at, source: update.source },
    ].slice(-MAX_HISTORY),
  }
  const job = existing
    ? await payload.update({
        collection: 'jobs',
        id: existing.id,
        data,
        overrideAccess: true,
        depth: 0,
      })
    : await payload.create({ collection: 'jobs', data, overrideAccess: true, depth: 0 })
  const eventType = eventTypeForJobChange(
    previousStatus,
    update.status,
    progress !== (existing?.progress ?? 0),
  )
  if (eventType)
    await publishEvent(payload, { event_type: eventType, data: toJobEventData(job) }, { now })
  return { job, applied: true, eventType }
}
