// Last Frame: hex HMAC-SHA256 of the raw body, optional timestamp window, job status normalization.
import { z } from 'zod'

import type { JobStatus } from '@/lib/model/jobStatus'
import { isValidHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { DEFAULT_TOLERANCE_SECONDS } from '@/lib/signing/standardWebhooks'
import { InboundRejection } from '../inboundRejection'
import type { InboundProvider, RawInboundRequest } from './inboundProvider'

const SIGNATURE_HEADER = 'x-lastframe-signature'
const TIMESTAMP_HEADER = 'x-lastframe-timestamp'

const STATUS_BY_LASTFRAME_STATUS: Record<string, JobStatus> = {
  queued: 'queued',
  processing: 'processing',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
}

export const lastframeCallbackSchema = z.looseObject({
  job_id: z.string().min(1),
  status: z.string().min(1),
  service: z.string().nullish(),
  result: z
    .looseObject({ output_url: z.string().nullish(), duration: z.number().nullish() })
    .nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  error: z.string().nullish(),
})

export function mapLastFrameStatus(status: string): JobStatus | null {
  return STATUS_BY_LASTFRAME_STATUS[status] ?? null
}

/** The signature covers the body only, so the timestamp is checked on its own when Last Frame sends it. */
function checkTimestamp(header: string | undefined, nowSeconds: number): void {
  if (header === undefined) return
  if (!/^\d{1,12}$/.test(header)) {
    throw new InboundRejection('invalid_signature', `Invalid ${TIMESTAMP_HEADER} header`)
  }
  const timestampSeconds = Number(header)
  if (timestampSeconds < nowSeconds - DEFAULT_TOLERANCE_SECONDS) {
    throw new InboundRejection('invalid_signature', 'Last Frame callback timestamp is too old')
  }
  if (timestampSeconds > nowSeconds + DEFAULT_TOLERANCE_SECONDS) {
    throw new InboundRejection('invalid_signature', 'Last Frame callback timestamp is too new')
  }
}

function checkSignature(request: RawInboundRequest, secret: string): void {
  const signature = request.headers[SIGNATURE_HEADER]?.trim()
  if (!signature) {
    throw new InboundRejection('invalid_signature', `Missing ${SIGNATURE_HEADER} header`)
  }
  if (!isValidHmacSha256Hex(secret, request.rawBody, signature)) {
    throw new InboundRejection('invalid_signature', 'Last Frame signature does not match the body')
  }
}

function parseCallbackBody(rawBody: Buffer): z.infer<typeof lastframeCallbackSchema> {
  let body: unknown
  try {
    body = JSON.parse(rawBody.toString('utf8'))
  } catch {
    throw new InboundRejection('invalid_json', 'Last Frame callback body is not valid JSON')
  }
  const parsed = lastframeCallbackSchema.safeParse(body)
  if (!parsed.success) {
    throw new InboundRejection('invalid_json', 'Last Frame callback body needs job_id and status')
  }
  return parsed.data
}

export const lastframeProvider: InboundProvider = {
  name: 'lastframe',

  async verify(request, context) {
    const secret = context.env.LASTFRAME_WEBHOOK_SECRET
    if (!secret) {
      throw new InboundRejection(
        'invalid_signature',
        'Last Frame callbacks cannot be verified: LASTFRAME_WEBHOOK_SECRET is not set',
      )
    }
    checkSignature(request, secret)
    checkTimestamp(request.headers[TIMESTAMP_HEADER], Math.floor(context.now().getTime() / 1000))
    const body = parseCallbackBody(request.rawBody)
    return {
      body,
      dedupeKey: `${body.job_id}:${body.status}`,
      eventType: null,
      externalJobId: body.job_id,
    }
  },

  async normalize(callback, request) {
    const body = lastframeCallbackSchema.parse(callback.body)
    const status = mapLastFrameStatus(body.status)
    if (!status) return null
    return {
      job_id: request.jobId,
      external_job_id: body.job_id,
      provider: 'lastframe',
      status,
      progress: status === 'completed' ? 100 : null,
      result: body.result ?? null,
      error_message: status === 'failed' ? (body.error ?? 'Last Frame job failed') : null,
      updated_at: request.receivedAt.toISOString(),
      source: 'webhook',
    }
  },

  /** PROVIDERS.md documents no status endpoint for Last Frame, so an orphaned job can only wait. */
  async poll() {
    throw new Error('Last Frame does not offer a status API; the job waits for its callback')
  },
}
