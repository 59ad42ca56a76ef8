// Operator-defined sources: verification by the configured scheme and normalization of a generic body.
import { createHash } from 'node:crypto'
import { z } from 'zod'

import type { JobStatus } from '@/lib/model/jobStatus'
import type { SignatureScheme } from '@/lib/model/providers'
import { isValidHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { isSameSecret } from '@/lib/signing/isSameSecret'
import { verifyStandardWebhook, WebhookVerificationError } from '@/lib/signing/standardWebhooks'
import { isValidUrlToken } from '@/lib/signing/urlToken'
import { InboundRejection } from '../inboundRejection'
import { normalizeProgress } from './comfydeploy'
import type { InboundProvider, ProviderContext, RawInboundRequest } from './inboundProvider'

export type CustomSourceConfig = {
  slug: string
  scheme: SignatureScheme
  secret: string
  header_name?: string | null
  signature_prefix?: string | null
}

export const DEFAULT_SIGNATURE_HEADER = 'x-webhook-signature'

/** The union of every status word the built-in providers use, so a source may speak any of them. */
const GENERIC_STATUS: Record<string, JobStatus> = {
  queued: 'queued',
  pending: 'queued',
  starting: 'queued',
  'not-started': 'queued',
  in_queue: 'queued',
  processing: 'processing',
  running: 'processing',
  in_progress: 'processing',
  started: 'processing',
  uploading: 'processing',
  completed: 'completed',
  succeeded: 'completed',
  success: 'completed',
  ok: 'completed',
  failed: 'failed',
  error: 'failed',
  timeout: 'failed',
  incomplete: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  aborted: 'cancelled',
}

const objectBodySchema = z.record(z.string(), z.unknown())
type GenericBody = z.infer<typeof objectBodySchema>

export function mapGenericStatus(status: string): JobStatus | null {
  return GENERIC_STATUS[status.toLowerCase()] ?? null
}

function pickIdentifier(body: GenericBody, keys: string[]): string | null {
  for (const key of keys) {
    const value = body[key]
    if (typeof value === 'string' && value.length > 0) return value
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  }
  return null
}

function pickString(body: GenericBody, keys: string[]): string | null {
  for (const key of keys) {
    const value = body[key]
    if (typeof value === 'string' && value.length > 0) return value
  }
  return null
}

function readExternalId(body: GenericBody): string | null {
  return pickIdentifier(body, ['job_id', 'external_job_id', 'id', 'request_id'])
}

/**
 * A body `id` names the event only when another field names the job; otherwise it is the job's id, and
 * deduplicating on it would swallow every later status of that job.
 */
function readEventId(body: GenericBody): string | null {
  const eventId = pickIdentifier(body, ['event_id'])
  if (eventId) return eventId
  const namesJobElsewhere = pickIdentifier(body, ['job_id', 'external_job_id', 'request_id'])
  return namesJobElsewhere ? pickIdentifier(body, ['id']) : null
}

function readErrorMessage(body: GenericBody): string | null {
  const error = body.error
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message } = error as { message: unknown }
    if (typeof message === 'string' && message.length > 0) return message
  }
  return pickString(body, ['error', 'error_message'])
}

/** Numbers below 1e11 are unix seconds (that is the year 5138 in milliseconds), larger ones milliseconds. */
function toEpochMs(value: unknown): number {
  if (typeof value === 'string') return Date.parse(value)
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value
  return Number.NaN
}

function readUpdatedAt(body: GenericBody, fallback: Date): string {
  const date = new Date(toEpochMs(body.updated_at ?? body.timestamp))
  return Number.isNaN(date.getTime()) ? fallback.toISOString() : date.toISOString()
}

function rejectUnlessHmac(source: CustomSourceConfig, request: RawInboundRequest): void {
  const headerName = (source.header_name || DEFAULT_SIGNATURE_HEADER).toLowerCase()
  let signature = request.headers[headerName]?.trim()
  if (!signature) throw new InboundRejection('invalid_signature', `Missing ${headerName} header`)
  const prefix = source.signature_prefix
  if (prefix) {
    if (!signature.startsWith(prefix)) {
      throw new InboundRejection('invalid_signature', `Signature must start with "${prefix}"`)
    }
    signature = signature.slice(prefix.length)
  }
  if (!isValidHmacSha256Hex(source.secret, request.rawBody, signature)) {
    throw new InboundRejection('invalid_signature', 'Signature does not match the body')
  }
}

function rejectUnlessStandardWebhook(
  source: CustomSourceConfig,
  request: RawInboundRequest,
  context: ProviderContext,
): void {
  try {
    verifyStandardWebhook([source.secret], request.rawBody, request.headers, {
      nowSeconds: Math.floor(context.now().getTime() / 1000),
    })
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      throw new InboundRejection('invalid_signature', error.message)
    }
    throw error
  }
}

function rejectUnlessUrlToken(source: CustomSourceConfig, request: RawInboundRequest): void {
  const token = request.query.token
  if (!token) throw new InboundRejection('invalid_signature', 'Callback URL lacks its token')
  const subject = request.jobId ?? source.slug
  if (!isValidUrlToken(source.secret, subject, token)) {
    throw new InboundRejection('invalid_signature', 'Callback token is not valid for this URL')
  }
}

function rejectUnlessBearerToken(source: CustomSourceConfig, request: RawInboundRequest): void {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
  if (!token)
    throw new InboundRejection('invalid_signature', 'Missing Authorization: Bearer <token>')
  if (!isSameSecret(token, source.secret)) {
    throw new InboundRejection('invalid_signature', 'Bearer token does not match the source')
  }
}

function rejectUnlessVerified(
  source: CustomSourceConfig,
  request: RawInboundRequest,
  context: ProviderContext,
): void {
  switch (source.scheme) {
    case 'hmac-sha256-hex':
      return rejectUnlessHmac(source, request)
    case 'standard-webhooks':
      return rejectUnlessStandardWebhook(source, request, context)
    case 'url-token':
      return rejectUnlessUrlToken(source, request)
    case 'bearer-token':
      return rejectUnlessBearerToken(source, request)
    default:
      throw new InboundRejection('invalid_signature', `Unknown signature scheme for ${source.slug}`)
  }
}

function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'))
  } catch {
    throw new InboundRejection('invalid_json', 'Callback body is not valid JSON')
  }
}

export function createCustomSourceProvider(source: CustomSourceConfig): InboundProvider {
  return {
    name: source.slug,

    async verify(request, context) {
      rejectUnlessVerified(source, request, context)
      const body = parseJsonBody(request.rawBody)
      const fields = objectBodySchema.safeParse(body)
      const object = fields.success ? fields.data : {}
      const dedupeKey =
        request.headers['webhook-id'] ||
        readEventId(object) ||
        createHash('sha256').update(request.rawBody).digest('hex')
      return {
        body,
        dedupeKey,
        eventType: pickString(object, ['type', 'event_type']),
        externalJobId: readExternalId(object),
      }
    },

    async normalize(callback, request) {
      const parsed = objectBodySchema.safeParse(callback.body)
      if (!parsed.success) return null
      const body = parsed.data
      const externalId = readExternalId(body)
      const statusWord = pickString(body, ['status', 'state'])
      const status = statusWord ? mapGenericStatus(statusWord) : null
      if (!externalId || !status) return null
      const errorMessage = readErrorMessage(body)
      return {
        job_id: request.jobId,
        external_job_id: externalId,
        provider: source.slug,
        status,
        progress: normalizeProgress(body.progress),
        result: body.result ?? body.output ?? body.outputs ?? null,
        error_message: errorMessage ?? (status === 'failed' ? `Job ${statusWord}` : null),
        updated_at: readUpdatedAt(body, request.receivedAt),
        source: 'webhook',
      }
    },

    async poll() {
      throw new Error('Custom sources cannot be polled')
    },
  }
}
