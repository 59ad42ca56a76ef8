// The one shape every provider's callback or poll result is turned into.
import { z } from 'zod'

import { JOB_STATUSES, JOB_UPDATE_SOURCES } from '@/lib/model/jobStatus'

export const normalizedJobUpdateSchema = z.object({
  /** Our job id when the callback URL carried it (/api/v1/webhooks/{provider}/{jobId}). */
  job_id: z.string().nullable(),
  external_job_id: z.string().min(1),
  provider: z.string().min(1),
  status: z.enum(JOB_STATUSES),
  progress: z.number().min(0).max(100).nullable(),
  result: z.unknown().nullable(),
  error_message: z.string().nullable(),
  /** When the provider says the change happened (ISO); falls back to receive time. */
  updated_at: z.string(),
  source: z.enum(JOB_UPDATE_SOURCES),
})

export type NormalizedJobUpdate = z.infer<typeof normalizedJobUpdateSchema>
