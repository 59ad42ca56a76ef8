// The contract every inbound provider module fulfils: verify, identify, normalize, poll, submit.
import type { Job } from '@/payload-types'
import type { NormalizedJobUpdate } from '../normalizedJobUpdate'

/** A callback exactly as received: raw bytes first, nothing parsed yet. */
export type RawInboundRequest = {
  rawBody: Buffer
  /** Lower-cased header names. */
  headers: Record<string, string>
  /** Query parameters of the callback URL (ComfyDeploy's token travels here). */
  query: Record<string, string>
  /** Our job id from /api/v1/webhooks/{provider}/{jobId}, when present. */
  jobId: string | null
  receivedAt: Date
}

/** What verification established; `dedupeKey` identifies the provider's event across its retries. */
export type VerifiedCallback = {
  body: unknown
  dedupeKey: string
  eventType: string | null
  externalJobId: string | null
}

export type ProviderContext = {
  now: () => Date
  fetch: typeof fetch
  env: Record<string, string | undefined>
}

export type JobSubmission = {
  endpoint: string
  input: Record<string, unknown>
  /** The callback URL the provider must call, already carrying our job id. */
  webhookUrl: string
  jobId: string
}

export type SubmittedJob = {
  externalId: string
  status: NormalizedJobUpdate['status']
  raw: unknown
}

export interface InboundProvider {
  readonly name: string
  /**
   * Verifies the request exactly as the provider signs it (raw bytes, constant time, 300 s tolerance
   * where the scheme has a timestamp) and parses the body. Throws InboundRejection on any failure:
   * `invalid_signature` (401) or `invalid_json` (400); VerificationUnavailable (503) when what it
   * needs to judge the signature (fal's JWKS) cannot be had.
   */
  verify(request: RawInboundRequest, context: ProviderContext): Promise<VerifiedCallback>
  /** Turns a verified callback into a job update; may call the provider's API (thin events). */
  normalize(
    callback: VerifiedCallback,
    request: Pick<RawInboundRequest, 'jobId' | 'receivedAt'>,
    context: ProviderContext,
  ): Promise<NormalizedJobUpdate | null>
  /** Asks the provider's API for a job's state (orphan poller). */
  poll(job: Job, context: ProviderContext): Promise<NormalizedJobUpdate>
  /** Submits a job with our webhook URL. */
  submit?(submission: JobSubmission, context: ProviderContext): Promise<SubmittedJob>
}
