// Which outbound event a job state change publishes.
import type { JobStatus } from '@/lib/model/jobStatus'

const STATUS_RANK: Record<JobStatus, number> = {
  queued: 0,
  processing: 1,
  completed: 2,
  failed: 2,
  cancelled: 2,
}

export function rankJobStatus(status: JobStatus): number {
  return STATUS_RANK[status]
}

export function eventTypeForJobChange(
  previous: JobStatus | null,
  next: JobStatus,
  progressChanged: boolean,
) {
  if (previous === next) return progressChanged ? 'job.progress' : null
  switch (next) {
    case 'queued':
      return 'job.submitted'
    case 'processing':
      return 'job.status_changed'
    case 'completed':
      return 'job.completed'
    case 'failed':
      return 'job.failed'
    case 'cancelled':
      return 'job.cancelled'
  }
}
