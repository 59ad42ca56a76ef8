// fal.ai: Ed25519/JWKS callback verification, normalization, queue submit and poll (fal client).
import { ApiError, createFalClient, type QueueClient, type RequestMiddleware } from '@fal-ai/client'
import { z } from 'zod'

import type { JobStatus } from '@/lib/model/jobStatus'
import {
  createFalJwksKeys,
  FalJwksUnavailableError,
  type FalJwksKeys,
} from '@/lib/signing/falJwksKeys'
import {
  FalSignatureError,
  verifyFalSignature,
  type FalWebhookHeaders,
} from '@/lib/signing/verifyFalSignature'
import { InboundRejection } from '../inboundRejection'
import type { NormalizedJobUpdate } from '../normalizedJobUpdate'
import { VerificationUnavailable } from '../verificationUnavailable'
import type { InboundProvider, ProviderContext, RawInboundRequest } from './inboundProvider'

const DEFAULT_JWKS_URL = 'https://rest.alpha.fal.ai/.well-known/jwks.json'
const DEFAULT_QUEUE_URL = 'https://queue.fal.run'

const STATUS_BY_QUEUE_STATUS: Record<string, JobStatus> = {
  IN_QUEUE: 'queued',
  IN_PROGRESS: 'processing',
}

/** Answers that say nothing about the request (auth, throttling, gateway trouble): poll again. */
const TRANSIENT_RESULT_STATUSES = new Set([401, 403, 408, 429, 502, 503, 504])

export const falCallbackSchema = z.looseObject({
  request_id: z.string().min(1),
  gateway_request_id: z.string().nullish(),
  status: z.string().min(1),
  payload: z.unknown().optional(),
  error: z.string().nullish(),
  payload_error: z.string().nullish(),
})

type FalCallback = z.infer<typeof falCallbackSchema>

type Outcome = Pick<NormalizedJobUpdate, 'status' | 'result' | 'error_message'>

const falErrorBodySchema = z.looseObject({ detail: z.unknown(), error_type: z.string().nullish() })

/** One cache per JWKS URL for the process: keys outlive requests, and the refetch limit holds. */
const jwksByUrl = new Map<string, FalJwksKeys>()

function getJwks(env: ProviderContext['env']): FalJwksKeys {
  const url = env.FAL_JWKS_URL || DEFAULT_JWKS_URL
  let jwks = jwksByUrl.get(url)
  if (!jwks) {
    jwks = createFalJwksKeys({ url })
    jwksByUrl.set(url, jwks)
  }
  return jwks
}

function readSignatureHeaders(headers: RawInboundRequest['headers']): FalWebhookHeaders {
  return {
    requestId: headers['x-fal-webhook-request-id'],
    userId: headers['x-fal-webhook-user-id'],
    timestamp: headers['x-fal-webhook-timestamp'],
    signature: headers['x-fal-webhook-signature']?.trim(),
  }
}

async function verifyAgainstJwks(
  request: RawInboundRequest,
  context: ProviderContext,
): Promise<void> {
  const headers = readSignatureHeaders(request.headers)
  const options = { nowSeconds: Math.floor(context.now().getTime() / 1000) }
  const jwks = getJwks(context.env)
  try {
    verifyFalSignature(jwks.getCachedKeys(context.now()), request.rawBody, headers, options)
  } catch (error) {
    if (!(error instanceof FalSignatureError) || error.reason !== 'unknown_key') throw error
    // An empty, expired or rotated key set looks the same as a forgery; only a fresh JWKS can tell.
    const fresh = await jwks.refresh({ fetch: context.fetch, now: context.now })
    if (!fresh) throw error
    verifyFalSignature(fresh, request.rawBody, headers, options)
  }
}

async function checkSignature(request: RawInboundRequest, context: ProviderContext): Promise<void> {
  try {
    await verifyAgainstJwks(request, context)
  } catch (error) {
    if (error instanceof FalSignatureError) throw new InboundRejection(error.code, error.message)
    if (error instanceof FalJwksUnavailableError) {
      throw new VerificationUnavailable(
        `Cannot verify the fal signature: ${error.message}; retry later`,
        error.retryAfterMs,
      )
    }
    throw error
  }
}

function parseCallbackBody(rawBody: Buffer): FalCallback {
  let body: unknown
  try {
    // Seeds above 2^53 lose precision here; the exact bytes stay in the inbound log's raw body.
    body = JSON.parse(rawBody.toString('utf8'))
  } catch {
    throw new InboundRejection('invalid_json', 'fal callback body is not valid JSON')
  }
  const parsed = falCallbackSchema.safeParse(body)
  if (!parsed.success) {
    throw new InboundRejection('invalid_json', 'fal callback body needs request_id and status')
  }
  return parsed.data
}

/** fal's `detail` is a message, or FastAPI's list of `{ loc, msg }` validation errors. */
function describeDetail(detail: unknown): string | null {
  if (detail === null || detail === undefined) return null
  if (typeof detail === 'string') return detail
  if (Array.isArray(detail)) {
    return detail
      .map((item: { loc?: unknown; msg?: unknown }) => {
        const location = Array.isArray(item?.loc) ? `${item.loc.join('.')}: ` : ''
        return typeof item?.msg === 'string' ? `${location}${item.msg}` : JSON.stringify(item)
      })
      .join('; ')
  }
  return JSON.stringify(detail).slice(0, 500)
}

function describeFailure(fallback: string, errorBody: unknown): string {
  const parsed = falErrorBodySchema.safeParse(errorBody)
  if (!parsed.success) return fallback
  const detail = describeDetail(parsed.data.detail)
  const prefix = parsed.data.error_type ? `${fallback} (${parsed.data.error_type})` : fallback
  return detail ? `${prefix}: ${detail}` : prefix
}

/** fal's error shape; a 2xx result can carry it too, and neither field comes with a success. */
function isErrorResult(data: unknown): boolean {
  return typeof data === 'object' && data !== null && ('error_type' in data || 'detail' in data)
}

function toJobUpdate(
  fields: Omit<NormalizedJobUpdate, 'provider' | 'progress'>,
): NormalizedJobUpdate {
  return { ...fields, provider: 'fal', progress: fields.status === 'completed' ? 100 : null }
}

/**
 * `payload: null` with `payload_error` means the result was too large or not serializable for the
 * callback and must be fetched with `queue.result(endpoint, …)`. The callback does not name the
 * endpoint and normalize has no job to read it from, so the job completes with a null result and
 * an error message saying where the result is; a poll of the job (which knows its endpoint) can
 * fetch it.
 */
function normalizeCallback(callback: FalCallback): Outcome | null {
  if (callback.status === 'ERROR') {
    const fallback = callback.error || 'fal request failed'
    return {
      status: 'failed',
      result: null,
      error_message: describeFailure(fallback, callback.payload),
    }
  }
  if (callback.status !== 'OK') return null
  if (callback.payload == null && callback.payload_error) {
    const reason = `payload_error: ${callback.payload_error}`
    const message = `fal sent no result (${reason}); fetch it with queue.result`
    return { status: 'completed', result: null, error_message: message }
  }
  return { status: 'completed', result: callback.payload ?? null, error_message: null }
}

function rewriteQueueUrl(queueUrl: string): RequestMiddleware {
  return async (request) =>
    request.url.startsWith(`${DEFAULT_QUEUE_URL}/`)
      ? { ...request, url: queueUrl + request.url.slice(DEFAULT_QUEUE_URL.length) }
      : request
}

/**
 * The queue methods pass their own retry policy (3 retries, 5 for status, on 429/502/503/504 and
 * network errors), which overrides a client-level `retry`, so none is configured here.
 */
function createQueueClient(context: ProviderContext): QueueClient {
  const credentials = context.env.FAL_KEY
  if (!credentials) throw new Error('FAL_KEY is not set')
  const queueUrl = (context.env.FAL_QUEUE_URL || DEFAULT_QUEUE_URL).replace(/\/+$/, '')
  return createFalClient({
    credentials,
    fetch: context.fetch,
    requestMiddleware: rewriteQueueUrl(queueUrl),
  }).queue
}

async function fetchCompletedResult(
  queue: QueueClient,
  endpoint: string,
  requestId: string,
): Promise<Outcome> {
  try {
    const { data } = (await queue.result(endpoint, { requestId })) as { data: unknown }
    if (isErrorResult(data)) {
      return {
        status: 'failed',
        result: null,
        error_message: describeFailure('fal request failed', data),
      }
    }
    return { status: 'completed', result: data, error_message: null }
  } catch (error) {
    if (!(error instanceof ApiError) || TRANSIENT_RESULT_STATUSES.has(error.status)) throw error
    if (!isErrorResult(error.body)) throw error
    return {
      status: 'failed',
      result: null,
      error_message: describeFailure(`fal request failed with ${error.status}`, error.body),
    }
  }
}

async function readQueueOutcome(
  queue: QueueClient,
  request: { endpoint: string; requestId: string; currentStatus: JobStatus },
): Promise<Outcome> {
  const queued = await queue.status(request.endpoint, { requestId: request.requestId })
  if (queued.status === 'COMPLETED') {
    return fetchCompletedResult(queue, request.endpoint, request.requestId)
  }
  // A status word we do not know says nothing new, so the job keeps the state it has.
  const status = STATUS_BY_QUEUE_STATUS[queued.status] ?? request.currentStatus
  return { status, result: null, error_message: null }
}

export const falProvider: InboundProvider = {
  name: 'fal',

  async verify(request, context) {
    await checkSignature(request, context)
    const body = parseCallbackBody(request.rawBody)
    return {
      body,
      dedupeKey: body.request_id,
      eventType: `fal.${body.status}`,
      externalJobId: body.request_id,
    }
  },

  async normalize(callback, request) {
    const body = falCallbackSchema.parse(callback.body)
    const outcome = normalizeCallback(body)
    if (!outcome) return null
    return toJobUpdate({
      ...outcome,
      job_id: request.jobId,
      external_job_id: body.request_id,
      updated_at: request.receivedAt.toISOString(),
      source: 'webhook',
    })
  },

  async poll(job, context) {
    if (!job.external_id) throw new Error(`Job ${job.id} has no fal request id to poll`)
    if (!job.endpoint) throw new Error(`Job ${job.id} has no fal endpoint to poll`)
    const outcome = await readQueueOutcome(createQueueClient(context), {
      endpoint: job.endpoint,
      requestId: job.external_id,
      currentStatus: job.status,
    })
    return toJobUpdate({
      ...outcome,
      job_id: String(job.id),
      external_job_id: job.external_id,
      updated_at: context.now().toISOString(),
      source: 'poll',
    })
  },

  async submit(submission, context) {
    const queued = await createQueueClient(context).submit(submission.endpoint, {
      input: submission.input,
      webhookUrl: submission.webhookUrl,
    })
    return { externalId: queued.request_id, status: 'queued', raw: queued }
  },
}
