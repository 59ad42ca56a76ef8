// Replicate: Standard Webhooks verified here (the SDK's validateWebhook skips the timestamp and is not
// constant-time); the whole prediction is the body; predictions are created and polled via the SDK.
import Replicate from 'replicate'
import { z } from 'zod'

import type { JobStatus } from '@/lib/model/jobStatus'
import { verifyStandardWebhook, WebhookVerificationError } from '@/lib/signing/standardWebhooks'
import { InboundRejection } from '../inboundRejection'
import type { NormalizedJobUpdate } from '../normalizedJobUpdate'
import type { InboundProvider, ProviderContext } from './inboundProvider'

const STATUS: Record<string, JobStatus> = {
  starting: 'queued',
  processing: 'processing',
  succeeded: 'completed',
  failed: 'failed',
  canceled: 'cancelled',
  aborted: 'cancelled',
}

export const predictionSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  logs: z.string().nullish(),
  created_at: z.string().nullish(),
  started_at: z.string().nullish(),
  completed_at: z.string().nullish(),
})

type Prediction = z.infer<typeof predictionSchema>

export function mapReplicateStatus(status: string): JobStatus | null {
  return STATUS[status] ?? null
}

/** Replicate's logs carry progress bars; the last "NN%" is the best progress there is. */
export function readProgressFromLogs(logs: string | null | undefined): number | null {
  const matches = [...(logs ?? '').matchAll(/(\d{1,3})%/g)]
  const last = matches.at(-1)
  return last ? Math.min(100, Number(last[1])) : null
}

function createClient(context: ProviderContext): Replicate {
  return new Replicate({
    auth: context.env.REPLICATE_API_TOKEN || 'missing-replicate-token',
    baseUrl: context.env.REPLICATE_BASE_URL || 'https://api.replicate.com/v1',
    fetch: context.fetch,
  })
}

function toUpdate(
  prediction: Prediction,
  jobId: string | null,
  fallbackTime: Date,
): Omit<NormalizedJobUpdate, 'source'> | null {
  const status = mapReplicateStatus(prediction.status)
  if (!status) return null
  const when = prediction.completed_at ?? prediction.started_at ?? prediction.created_at
  return {
    job_id: jobId,
    external_job_id: prediction.id,
    provider: 'replicate',
    status,
    progress: status === 'completed' ? 100 : readProgressFromLogs(prediction.logs),
    result: status === 'completed' ? (prediction.output ?? null) : null,
    error_message: prediction.error == null ? null : String(prediction.error),
    updated_at:
      when && !Number.isNaN(Date.parse(when))
        ? new Date(when).toISOString()
        : fallbackTime.toISOString(),
  }
}

export const replicateProvider: InboundProvider = {
  name: 'replicate',

  async verify(request, context) {
    const secret = context.env.REPLICATE_WEBHOOK_SECRET
    if (!secret)
      throw new InboundRejection('invalid_signature', 'REPLICATE_WEBHOOK_SECRET is not configured')
    try {
      verifyStandardWebhook([secret], request.rawBody, request.headers, {
        nowSeconds: Math.floor(context.now().getTime() / 1000),
      })
    } catch (error) {
      if (error instanceof WebhookVerificationError)
        throw new InboundRejection('invalid_signature', error.message)
      throw error
    }
    let body: unknown
    try {
      body = JSON.parse(request.rawBody.toString('utf8'))
    } catch {
      throw new InboundRejection('invalid_json', 'The Replicate callback body is not JSON')
    }
    const prediction = predictionSchema.safeParse(body)
    if (!prediction.success)
      throw new InboundRejection('invalid_json', 'The body is not a Replicate prediction')
    return {
      body,
      dedupeKey: request.headers['webhook-id']!,
      eventType: `replicate.${prediction.data.status}`,
      externalJobId: prediction.data.id,
    }
  },

  async normalize(callback, request) {
    const update = toUpdate(
      predictionSchema.parse(callback.body),
      request.jobId,
      request.receivedAt,
    )
    return update && { ...update, source: 'webhook' }
  },

  async poll(job, context) {
    if (!job.external_id) throw new Error(`Job ${job.id} has no Replicate prediction id`)
    const prediction = predictionSchema.parse(
      await createClient(context).predictions.get(job.external_id),
    )
    const update = toUpdate(prediction, String(job.id), context.now())
    if (!update) throw new Error(`Replicate answered an unknown status "${prediction.status}"`)
    return { ...update, source: 'poll' }
  },

  async submit(submission, context) {
    const [model, version] = submission.endpoint.split(':')
    const prediction = await createClient(context).predictions.create({
      ...(version ? { version } : { model }),
      input: submission.input,
      webhook: submission.webhookUrl,
      webhook_events_filter: ['start', 'output', 'logs', 'completed'],
    })
    return {
      externalId: prediction.id,
      status: mapReplicateStatus(prediction.status) ?? 'queued',
      raw: prediction,
    }
  },
}
