// ComfyDeploy: URL-token verification (it signs nothing), run status normalization, queue and poll.
import { z } from 'zod'

import type { JobStatus } from '@/lib/model/jobStatus'
import { createUrlToken, isValidUrlToken } from '@/lib/signing/urlToken'
import { InboundRejection } from '../inboundRejection'
import type { NormalizedJobUpdate } from '../normalizedJobUpdate'
import type { InboundProvider, ProviderContext } from './inboundProvider'

const DEFAULT_BASE_URL = 'https://api.comfydeploy.com'

const STATUS_BY_COMFYDEPLOY_STATUS: Record<string, JobStatus> = {
  'not-started': 'queued',
  queued: 'queued',
  started: 'processing',
  running: 'processing',
  uploading: 'processing',
  success: 'completed',
  failed: 'failed',
  timeout: 'failed',
  cancelled: 'cancelled',
}

const runFields = {
  status: z.string().min(1),
  live_status: z.string().nullish(),
  progress: z.number().nullish(),
  outputs: z.array(z.unknown()).nullish(),
  updated_at: z.string().nullish(),
}

export const comfydeployCallbackSchema = z.looseObject({
  ...runFields,
  run_id: z.string().min(1),
  event_type: z.string().nullish(),
})

export const comfydeployRunSchema = z.looseObject({ ...runFields, id: z.string().min(1) })

const queuedRunSchema = z.looseObject({ run_id: z.string().min(1) })

const outputImagesSchema = z.object({
  data: z.object({
    images: z.array(z.looseObject({ url: z.string(), filename: z.string().nullish() })),
  }),
})

type RunState = z.infer<typeof comfydeployRunSchema> | z.infer<typeof comfydeployCallbackSchema>

export function mapComfyDeployStatus(status: string): JobStatus | null {
  return STATUS_BY_COMFYDEPLOY_STATUS[status] ?? null
}

/** Providers report progress as a fraction (0–1) or a percentage (0–100); values up to 1 are fractions. */
export function normalizeProgress(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null
  const percent = value <= 1 ? value * 100 : value
  return Math.min(100, Math.round(percent * 100) / 100)
}

function readTokenKey(env: ProviderContext['env']): string | null {
  return env.WEBHOOK_SECRET || env.PAYLOAD_SECRET || null
}

function readBaseUrl(env: ProviderContext['env']): string {
  return (env.COMFYDEPLOY_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/, '')
}

function readApiKey(env: ProviderContext['env']): string {
  const apiKey = env.COMFYDEPLOY_API_KEY
  if (!apiKey) throw new Error('COMFYDEPLOY_API_KEY is not set')
  return apiKey
}

function parseCallbackBody(rawBody: Buffer): z.infer<typeof comfydeployCallbackSchema> {
  let body: unknown
  try {
    body = JSON.parse(rawBody.toString('utf8'))
  } catch {
    throw new InboundRejection('invalid_json', 'ComfyDeploy callback body is not valid JSON')
  }
  const parsed = comfydeployCallbackSchema.safeParse(body)
  if (!parsed.success) {
    throw new InboundRejection('invalid_json', 'ComfyDeploy callback body needs run_id and status')
  }
  return parsed.data
}

function collectResult(outputs: unknown[] | null | undefined): unknown {
  if (!outputs || outputs.length === 0) return null
  const images = outputs.flatMap((output) => {
    const parsed = outputImagesSchema.safeParse(output)
    if (!parsed.success) return []
    return parsed.data.data.images.map(({ url, filename }) => ({ url, filename: filename ?? null }))
  })
  return { images, outputs }
}

function describeFailure(run: RunState, status: JobStatus): string | null {
  if (status !== 'failed') return null
  return run.live_status
    ? `ComfyDeploy run ${run.status}: ${run.live_status}`
    : `ComfyDeploy run ${run.status}`
}

function readUpdatedAt(run: RunState, fallback: Date): string {
  const parsed = run.updated_at ? Date.parse(run.updated_at) : Number.NaN
  return Number.isNaN(parsed) ? fallback.toISOString() : new Date(parsed).toISOString()
}

function toJobUpdate(
  run: RunState,
  externalId: string,
  status: JobStatus,
  fields: Pick<NormalizedJobUpdate, 'job_id' | 'source'> & { fallbackTime: Date },
): NormalizedJobUpdate {
  return {
    job_id: fields.job_id,
    external_job_id: externalId,
    provider: 'comfydeploy',
    status,
    progress: normalizeProgress(run.progress),
    result: collectResult(run.outputs),
    error_message: describeFailure(run, status),
    updated_at: readUpdatedAt(run, fields.fallbackTime),
    source: fields.source,
  }
}

function addTokenToUrl(webhookUrl: string, token: string): string {
  const url = new URL(webhookUrl)
  url.searchParams.set('token', token)
  return url.toString()
}

export const comfydeployProvider: InboundProvider = {
  name: 'comfydeploy',

  async verify(request, context) {
    if (!request.jobId) {
      throw new InboundRejection(
        'invalid_signature',
        'ComfyDeploy callbacks must be sent to /api/v1/webhooks/comfydeploy/{jobId}',
      )
    }
    const key = readTokenKey(context.env)
    if (!key) {
      throw new InboundRejection(
        'invalid_signature',
        'ComfyDeploy callbacks cannot be verified: WEBHOOK_SECRET is not set',
      )
    }
    const token = request.query.token
    if (!token) {
      throw new InboundRejection('invalid_signature', 'ComfyDeploy callback URL lacks its token')
    }
    if (!isValidUrlToken(key, request.jobId, token)) {
      throw new InboundRejection(
        'invalid_signature',
        `ComfyDeploy callback token is not valid for job ${request.jobId}`,
      )
    }
    const body = parseCallbackBody(request.rawBody)
    return {
      body,
      dedupeKey: [body.run_id, body.event_type ?? '', body.status, body.progress ?? ''].join(':'),
      eventType: body.event_type ?? null,
      externalJobId: body.run_id,
    }
  },

  async normalize(callback, request) {
    const run = comfydeployCallbackSchema.parse(callback.body)
    const status = mapComfyDeployStatus(run.status)
    if (!status) return null
    return toJobUpdate(run, run.run_id, status, {
      job_id: request.jobId,
      source: 'webhook',
      fallbackTime: request.receivedAt,
    })
  },

  async poll(job, context) {
    if (!job.external_id) throw new Error(`Job ${job.id} has no ComfyDeploy run id to poll`)
    const response = await context.fetch(
      `${readBaseUrl(context.env)}/api/run/${encodeURIComponent(job.external_id)}`,
      {
        headers: { authorization: `Bearer ${readApiKey(context.env)}`, accept: 'application/json' },
      },
    )
    if (!response.ok) {
      throw new Error(`ComfyDeploy answered ${response.status} for run ${job.external_id}`)
    }
    const run = comfydeployRunSchema.parse(await response.json())
    // A status word we do not know says nothing new, so the job keeps the state it has.
    const status = mapComfyDeployStatus(run.status) ?? job.status
    return toJobUpdate(run, run.id, status, {
      job_id: String(job.id),
      source: 'poll',
      fallbackTime: context.now(),
    })
  },

  async submit(submission, context) {
    const key = readTokenKey(context.env)
    if (!key) throw new Error('WEBHOOK_SECRET or PAYLOAD_SECRET must be set to sign callback URLs')
    const response = await context.fetch(`${readBaseUrl(context.env)}/api/run/deployment/queue`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${readApiKey(context.env)}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        deployment_id: submission.endpoint,
        inputs: submission.input,
        webhook: addTokenToUrl(submission.webhookUrl, createUrlToken(key, submission.jobId)),
        webhook_intermediate_status: true,
      }),
    })
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 200)
      throw new Error(`ComfyDeploy refused the run with ${response.status}: ${detail}`)
    }
    const raw: unknown = await response.json()
    const { run_id } = queuedRunSchema.parse(raw)
    return { externalId: run_id, status: 'queued', raw }
  },
}
