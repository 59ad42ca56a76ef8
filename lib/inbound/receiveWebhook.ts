// The inbound pipeline up to the answer: read raw bytes (size-limited), find the provider, verify, store
// the log durably (group commit, de-duplicated), then answer. Processing happens in the worker.
import { randomUUID } from 'node:crypto'
import type { BlockList } from 'node:net'

import type { Payload } from 'payload'

import { resolveClientAddress } from '@/lib/web/resolveClientAddress'

import { InboundRejection } from './inboundRejection'
import type { IngressPolicy } from './ingress/ingressPolicy'
import { isAddressAllowed } from './ingress/isAddressAllowed'
import type { SourceRateLimiter } from './ingress/sourceRateLimiter'
import type { ProviderContext, RawInboundRequest } from './providers/inboundProvider'
import type { InboundAnswer, InboundHttpRequest } from './inboundHttpRequest'
import { redactHeaders, redactQuery } from './redactHeaders'
import { rejectUnreadableBody } from './rejectUnreadableBody'
import { resolveInboundSource } from './resolveProvider'
import type { NewInboundLog } from './store/inboundLogStore'
import { toStoredBody } from './storedBody'
import { excerptRejectedBody, type StoredRejectionBudget } from './storedRejections'
import { getInboundLogWriter } from './store/getInboundLogStore'
import { VerificationUnavailable } from './verificationUnavailable'

export type ReceiveOptions = {
  bodyLimitBytes: number
  /** Proxies whose X-Forwarded-For names the source address (TRUSTED_PROXIES). */
  trustedProxies: BlockList
  /** How many rejections each source address may have stored (the rest are answered, not stored). */
  rejectionBudget: StoredRejectionBudget
  /**
   * Each source's limit on verified callbacks (INBOUND_RATE_LIMIT_*, a custom source's own) and, with it,
   * its IP allowlist. Null only for the source tester: it checks how a callback is signed, not who may
   * send one or how often.
   */
  rateLimiter: SourceRateLimiter | null
  context: ProviderContext
  /** False only in the ingest benchmark's framework-ceiling run: verify, then answer without storing. */
  persist: boolean
}

const MAX_SOURCE_NAME = 64

function errorAnswer(status: number, code: string, message: string): InboundAnswer {
  return { status, body: { error: { code, message } } }
}

export async function receiveWebhook(
  payload: Payload,
  request: InboundHttpRequest,
  params: { provider: string; jobId: string | null },
  options: ReceiveOptions,
): Promise<InboundAnswer> {
  const receivedAt = options.context.now()
  const query = request.query
  const source = params.provider.slice(0, MAX_SOURCE_NAME)
  const storedHeaders = { ...redactHeaders(request.headers), ...prefixQuery(redactQuery(query)) }
  const baseLog = {
    source,
    headers: storedHeaders,
    sourceIp: resolveClientAddress(
      request.peerAddress,
      request.headers['x-forwarded-for'],
      options.trustedProxies,
    ),
    receivedAt,
    pathJobId: params.jobId,
  }
  const writer = getInboundLogWriter(payload)
  let rawBody: Buffer | null = null

  const reject = async (rejection: InboundRejection): Promise<InboundAnswer> => {
    const answer = errorAnswer(rejection.status, rejection.code, rejection.message)
    if (rejection.retryAfterSeconds !== null)
      answer.headers = { 'retry-after': String(rejection.retryAfterSeconds) }
    if (!options.rejectionBudget.mayStore(baseLog.sourceIp)) return answer
    const row: NewInboundLog = {
      ...baseLog,
      status: 'rejected',
      verified: false,
      rejectionReason: `${rejection.code}: ${rejection.message}`,
      ...(rawBody
        ? toStoredBody(excerptRejectedBody(rawBody), rawBody.length)
        : { rawBody: null, rawBodyBase64: null, rawBodySize: null }),
      dedupeKey: `rejected:${randomUUID()}`,
      eventType: null,
      externalJobId: null,
    }
    await writer.submit(row)
    return answer
  }

  try {
    rawBody = await request.readBody(options.bodyLimitBytes)
    const inboundSource = await resolveInboundSource(payload, params.provider)
    if (!inboundSource) {
      throw new InboundRejection(
        'unknown_provider',
        `No provider or active source named "${source}"`,
      )
    }
    const { provider, policy } = inboundSource
    if (options.rateLimiter && !isAddressAllowed(policy, baseLog.sourceIp)) {
      throw new InboundRejection(
        'ip_not_allowed',
        `${baseLog.sourceIp ?? 'An unknown address'} may not call "${source}"`,
      )
    }
    rejectUnreadableBody(request.headers, rawBody)
    const raw: RawInboundRequest = {
      rawBody,
      headers: request.headers,
      query,
      jobId: params.jobId,
      receivedAt,
    }
    const callback = await provider.verify(raw, options.context)
    if (options.rateLimiter) refuseOverLimit(options.rateLimiter, source, policy)
    if (!options.persist)
      return { status: 200, body: { received: true, id: null, duplicate: false } }
    const stored = await writer.submit({
      ...baseLog,
      status: 'received',
      verified: true,
      rejectionReason: null,
      ...toStoredBody(rawBody),
      dedupeKey: callback.dedupeKey,
      eventType: callback.eventType,
      externalJobId: callback.externalJobId,
    })
    const id = String(stored.duplicateOf ?? stored.id)
    return { status: 200, body: { received: true, id, duplicate: stored.duplicateOf !== null } }
  } catch (error) {
    if (error instanceof InboundRejection) return reject(error)
    if (error instanceof VerificationUnavailable) return answerUnavailable(source, error)
    console.error(
      '[inbound] could not store a callback; answering 500 so the provider retries',
      error,
    )
    return errorAnswer(500, 'internal_error', 'The callback could not be stored; retry later.')
  }
}

/**
 * Counted after verification, so forged requests cannot spend a source's budget (they are bounded by the
 * per-address rejection budget instead). A refused callback is not acknowledged: the provider retries it
 * after Retry-After and that retry is stored once.
 */
function refuseOverLimit(limiter: SourceRateLimiter, source: string, policy: IngressPolicy): void {
  if (!policy.rateLimit) return
  const waitMs = limiter.takeOrWait(source, policy.rateLimit)
  if (waitMs === 0) return
  const { perMinute, burst } = policy.rateLimit
  throw new InboundRejection(
    'rate_limited',
    `"${source}" may deliver ${perMinute} callbacks a minute (bursts of ${burst}); retry later`,
    { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
  )
}

/**
 * Not stored as a rejected log: the hub refused nothing, it could not judge the callback yet, and
 * nothing was acknowledged, so the provider retries and that retry is logged once it verifies. A
 * "rejected" row would blame the caller and keep an unverified body for an outage of our own.
 */
function answerUnavailable(source: string, unavailable: VerificationUnavailable): InboundAnswer {
  console.error(
    `[inbound] ${source}: answering 503 (retry after ${unavailable.retryAfterSeconds} s): ${unavailable.message}`,
  )
  return {
    ...errorAnswer(unavailable.status, unavailable.code, unavailable.message),
    headers: { 'retry-after': String(unavailable.retryAfterSeconds) },
  }
}

function prefixQuery(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [`query:${name}`, value]))
}
