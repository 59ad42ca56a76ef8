// Normalized job states shared by every provider.
export const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const JOB_UPDATE_SOURCES = ['submit', 'webhook', 'poll'] as const
export type JobUpdateSource = (typeof JOB_UPDATE_SOURCES)[number]

const TERMINAL_JOB_STATUSES: ReadonlySet<JobStatus> = new Set(['completed', 'failed', 'cancelled'])

export function isTerminalJobStatus(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.has(status)
}
