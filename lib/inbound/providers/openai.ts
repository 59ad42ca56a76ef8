// OpenAI: Standard Webhooks verified through the SDK's webhooks.unwrap; thin events are completed by
// fetching the response; background responses are submitted and polled through the SDK.
import OpenAI, { InvalidWebhookSignatureError } from 'openai'
import { z } from 'zod'

import type { JobStatus } from '@/lib/model/jobStatus'
import { DEFAULT_TOLERANCE_SECONDS } from '@/lib/signing/standardWebhooks'
import { InboundRejection } from '../inboundRejection'
import type { NormalizedJobUpdate } from '../normalizedJobUpdate'
import type { InboundProvider, ProviderContext } from './inboundProvider'

const EVENT_STATUS: Record<string, JobStatus> = {
  'response.completed': 'completed',
  'response.failed': 'failed',
  'response.incomplete': 'failed',
  'response.cancelled': 'cancelled',
  'batch.completed': 'completed',
  'batch.failed': 'failed',
  'batch.expired': 'failed',
  'batch.cancelled': 'cancelled',
  'fine_tuning.job.succeeded': 'completed',
  'fine_tuning.job.failed': 'failed',
  'fine_tuning.job.cancelled': 'cancelled',
  'eval.run.succeeded': 'completed',
  'eval.run.failed': 'failed',
  'eval.run.canceled': 'cancelled',
}

const RESPONSE_STATUS: Record<string, JobStatus> = {
  queued: 'queued',
  in_progress: 'processing',
  completed: 'completed',
  failed: 'failed',
  incomplete: 'failed',
  cancelled: 'cancelled',
}

const eventSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  created_at: z.number(),
  data: z.looseObject({ id: z.string().min(1) }),
})

export function mapOpenAIEventType(type: string): JobStatus | null {
  return EVENT_STATUS[type] ?? (/\.failed$/.test(type) ? 'failed' : null)
}

function createClient(context: ProviderContext): OpenAI {
  return new OpenAI({
    apiKey: context.env.OPENAI_API_KEY || 'missing-openai-api-key',
    baseURL: context.env.OPENAI_BASE_URL || undefined,
    maxRetries: 0,
    timeout: 15_000,
    fetch: context.fetch,
  })
}

/** The SDK reads the real clock; the hub's clock (context.now) decides the 300 s window instead. */
function checkTimestamp(header: string | undefined, nowSeconds: number): number {
  if (!header || !/^\d{1,12}$/.test(header)) {
    throw new InboundRejection('invalid_signature', 'Missing or invalid webhook-timestamp header')
  }
  const timestamp = Number(header)
  if (timestamp < nowSeconds - DEFAULT_TOLERANCE_SECONDS) {
    throw new InboundRejection('invalid_signature', 'Webhook timestamp is too old')
  }
  if (timestamp > nowSeconds + DEFAULT_TOLERANCE_SECONDS) {
    throw new InboundRejection('invalid_signature', 'Webhook timestamp is too new')
  }
  return timestamp
}

function describeResponse(response: OpenAI.Responses.Response) {
  return {
    status: RESPONSE_STATUS[response.status ?? 'queued'] ?? 'processing',
    result: {
      id: response.id,
      output_text: response.output_text ?? null,
      output: response.output ?? [],
    },
    error_message:
      response.error?.message ??
      (response.status === 'incomplete'
        ? `Incomplete: ${response.incomplete_details?.reason ?? 'unknown'}`
        : null),
    updated_at: new Date((response.created_at ?? 0) * 1000).toISOString(),
  }
}

export const openaiProvider: InboundProvider = {
  name: 'openai',

  async verify(request, context) {
    const secret = context.env.OPENAI_WEBHOOK_SECRET
    if (!secret)
      throw new InboundRejection('invalid_signature', 'OPENAI_WEBHOOK_SECRET is not configured')
    // The SDK answers a missing header with a plain Error; it is a bad request, not a server fault.
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      if (!request.headers[header])
        throw new InboundRejection('invalid_signature', `Missing ${header} header`)
    }
    const timestamp = checkTimestamp(
      request.headers['webhook-timestamp'],
      Math.floor(context.now().getTime() / 1000),
    )
    const slack = Math.abs(Math.floor(Date.now() / 1000) - timestamp) + DEFAULT_TOLERANCE_SECONDS
    const rawBody = request.rawBody.toString('utf8')
    try {
      await createClient(context).webhooks.verifySignature(rawBody, request.headers, secret, slack)
    } catch (error) {
      if (error instanceof InvalidWebhookSignatureError) {
        throw new InboundRejection(
          'invalid_signature',
          `OpenAI signature refused: ${error.message}`,
        )
      }
      throw error
    }
    let body: unknown
    try {
      body = JSON.parse(rawBody)
    } catch {
      throw new InboundRejection('invalid_json', 'The OpenAI event body is not JSON')
    }
    const event = eventSchema.safeParse(body)
    if (!event.success)
      throw new InboundRejection('invalid_json', 'The body is not an OpenAI event')
    return {
      body,
      dedupeKey: request.headers['webhook-id'] ?? event.data.id,
      eventType: event.data.type,
      externalJobId: event.data.data.id,
    }
  },

  async normalize(callback, request, context) {
    const event = eventSchema.parse(callback.body)
    const status = mapOpenAIEventType(event.type)
    if (!status) return null
    const base: NormalizedJobUpdate = {
      job_id: request.jobId,
      external_job_id: event.data.id,
      provider: 'openai',
      status,
      progress: status === 'completed' ? 100 : null,
      result: null,
      error_message: status === 'failed' ? `OpenAI reported ${event.type}` : null,
      updated_at: new Date(event.created_at * 1000).toISOString(),
      source: 'webhook',
    }
    if (!event.type.startsWith('response.')) return base
    try {
      const response = await createClient(context).responses.retrieve(event.data.id)
      const described = describeResponse(response)
      return {
        ...base,
        result: described.result,
        error_message: described.error_message ?? base.error_message,
      }
    } catch (error) {
      // The event alone settles the status; the output can be fetched later by a poll or a retry.
      console.warn(
        `[inbound] OpenAI response ${event.data.id} could not be fetched: ${(error as Error).message}`,
      )
      return base
    }
  },

  async poll(job, context) {
    if (!job.external_id) throw new Error(`Job ${job.id} has no OpenAI response id`)
    const response = await createClient(context).responses.retrieve(job.external_id)
    const described = describeResponse(response)
    return {
      job_id: String(job.id),
      external_job_id: response.id,
      provider: 'openai',
      status: described.status,
      progress: described.status === 'completed' ? 100 : null,
      result: described.status === 'completed' ? described.result : null,
      error_message: described.error_message,
      updated_at: context.now().toISOString(),
      source: 'poll',
    }
  },

  // OpenAI has no per-request webhook URL: the project's webhook endpoint is set in OpenAI's dashboard
  // and points at /api/v1/webhooks/openai; the response id links the event to the job.
  async submit(submission, context) {
    const response = await createClient(context).responses.create({
      model: submission.endpoint,
      input: (submission.input.input ??
        submission.input) as OpenAI.Responses.ResponseCreateParams['input'],
      background: true,
      store: true,
      metadata: { hub_job_id: submission.jobId },
    })
    return {
      externalId: response.id,
      status: RESPONSE_STATUS[response.status ?? 'queued'] ?? 'queued',
      raw: response,
    }
  },
}
