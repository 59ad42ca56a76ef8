// Submits a job to a provider with our callback URL, keeping our id ↔ the provider's id.
import type { Payload } from 'payload'
import { z } from 'zod'

import { ApiError } from '@/lib/api/apiError'
import { publishEvent } from '@/lib/events/publishEvent'
import { BUILT_IN_PROVIDER_MODULES } from '@/lib/inbound/providers/builtInProviders'
import type { ProviderContext } from '@/lib/inbound/providers/inboundProvider'
import type { User } from '@/payload-types'
import { presentJob } from './presentJob'

export const SUBMITTABLE_PROVIDERS = ['fal', 'openai', 'replicate', 'comfydeploy'] as const

export const submitJobInputSchema = z.object({
  provider: z.enum(SUBMITTABLE_PROVIDERS),
  endpoint: z.string().min(1).max(300),
  input: z.record(z.string(), z.unknown()),
  job_type: z.string().min(1).max(100).optional(),
  priority: z.string().min(1).max(50).optional(),
  machine_id: z.string().min(1).max(200).optional(),
  worker_id: z.string().min(1).max(200).optional(),
})

export type SubmitJobInput = z.infer<typeof submitJobInputSchema>

export function buildCallbackUrl(baseUrl: string, provider: string, jobId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/v1/webhooks/${provider}/${encodeURIComponent(jobId)}`
}

export async function submitJob(
  payload: Payload,
  input: SubmitJobInput,
  options: { user: User; baseUrl: string; context: ProviderContext },
) {
  const provider = BUILT_IN_PROVIDER_MODULES[input.provider]
  if (!provider.submit)
    throw new ApiError('validation_error', `provider: ${input.provider} cannot submit jobs`)
  const now = options.context.now()
  const job = await payload.create({
    collection: 'jobs',
    user: options.user,
    overrideAccess: false,
    data: {
      provider: input.provider,
      endpoint: input.endpoint,
      input: input.input,
      job_type: input.job_type,
      priority: input.priority,
      machine_id: input.machine_id,
      worker_id: input.worker_id,
      status: 'queued',
      last_update_at: now.toISOString(),
      last_update_source: 'submit',
      status_history: [{ status: 'queued', at: now.toISOString(), source: 'submit' }],
    },
  })
  const webhookUrl = buildCallbackUrl(options.baseUrl, input.provider, String(job.id))
  try {
    const submitted = await provider.submit(
      { endpoint: input.endpoint, input: input.input, webhookUrl, jobId: String(job.id) },
      options.context,
    )
    const updated = await payload.update({
      collection: 'jobs',
      id: job.id,
      overrideAccess: true,
      data: { external_id: submitted.externalId, status: submitted.status },
    })
    await publishEvent(payload, {
      event_type: 'job.submitted',
      data: {
        job_id: String(updated.id),
        job_type: updated.job_type ?? undefined,
        job_status: updated.status,
        priority: updated.priority ?? undefined,
        machine_id: updated.machine_id ?? undefined,
        worker_id: updated.worker_id ?? undefined,
        provider: updated.provider,
        external_job_id: submitted.externalId,
      },
    })
    return { ...presentJob(updated), webhook_url: webhookUrl }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await payload.update({
      collection: 'jobs',
      id: job.id,
      overrideAccess: true,
      data: { status: 'failed', error_message: `Submission failed: ${message}`.slice(0, 2000) },
    })
    throw new ApiError('provider_error', `${input.provider} refused the job: ${message}`)
  }
}
