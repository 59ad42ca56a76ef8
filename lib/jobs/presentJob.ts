// The public shape of a job.
import type { Job } from '@/payload-types'

export function presentJob(job: Job) {
  return {
    id: String(job.id),
    provider: job.provider,
    external_id: job.external_id ?? null,
    endpoint: job.endpoint ?? null,
    job_type: job.job_type ?? null,
    status: job.status,
    progress: job.progress ?? 0,
    input: job.input ?? null,
    result: job.result ?? null,
    error_message: job.error_message ?? null,
    status_history: job.status_history ?? [],
    last_update_at: job.last_update_at ?? null,
    last_update_source: job.last_update_source ?? null,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
  }
}
