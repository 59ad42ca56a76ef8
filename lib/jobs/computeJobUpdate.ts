// What a normalized update does to a job, decided once for every store: terminal states stay, a late
// older update is ignored, and every real change names the job.* event it publishes.
import { isTerminalJobStatus } from '@/lib/model/jobStatus'
import type { NormalizedJobUpdate } from '@/lib/inbound/normalizedJobUpdate'
import type { Job } from '@/payload-types'
import { eventTypeForJobChange, rankJobStatus } from './jobStatusEvents'

const MAX_HISTORY = 100

/** The columns an applied update writes. */
export type JobChange = Pick<
  Job,
  | 'provider'
  | 'external_id'
  | 'status'
  | 'progress'
  | 'provider_updated_at'
  | 'last_update_at'
  | 'last_update_source'
  | 'next_poll_at'
  | 'poll_attempts'
  | 'status_history'
> &
  Partial<Pick<Job, 'result' | 'error_message'>>

export type JobUpdateDecision =
  | { applied: false; reason: string }
  | { applied: true; change: JobChange; eventType: string | null }

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

export function computeJobUpdate(
  existing: Job | null,
  update: NormalizedJobUpdate,
  now: Date,
): JobUpdateDecision {
  if (existing) {
    const ignored = whyIgnored(existing, update)
    if (ignored) return { applied: false, reason: ignored }
  }
  const progress =
    update.progress ?? (update.status === 'completed' ? 100 : (existing?.progress ?? 0))
  const history = Array.isArray(existing?.status_history) ? existing.status_history : []
  const change: JobChange = {
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
  const eventType = eventTypeForJobChange(
    existing?.status ?? null,
    update.status,
    progress !== (existing?.progress ?? 0),
  )
  return { applied: true, change, eventType }
}

/** The `data` of the job.* event a change publishes. */
export function toJobEventData(job: Job): Record<string, unknown> {
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

/** Our job id when it can be one (SQLite integer or MongoDB ObjectId); a callback URL may carry anything. */
export function isJobIdShape(value: string): boolean {
  return /^(\d{1,18}|[a-f0-9]{24})$/.test(value)
}
