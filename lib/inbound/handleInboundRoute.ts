// Shared body of the two inbound routes (with and without a job id in the path).
import { readEnv } from '@/lib/config/env'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { createProviderContext } from './providerContext'
import type { InboundAnswer, InboundHttpRequest } from './inboundHttpRequest'
import { DEFAULT_BODY_LIMIT_BYTES, readLimitedBody } from './readLimitedBody'
import { createSourceRateLimiter } from './ingress/sourceRateLimiter'
import { receiveWebhook } from './receiveWebhook'
import { createStoredRejectionBudget, type StoredRejectionBudget } from './storedRejections'

/** Benchmark-only switch (bench/inbound): measures the route without persistence. Never set it in production. */
const persist = process.env.HUB_BENCHMARK_INBOUND !== 'verify-only'
if (!persist) console.warn('[inbound] HUB_BENCHMARK_INBOUND=verify-only: callbacks are NOT stored')

let context: ReturnType<typeof createProviderContext> | undefined
let rejectionBudget: StoredRejectionBudget | undefined
const rateLimiter = createSourceRateLimiter()

function readRejectionBudget(): StoredRejectionBudget {
  const env = readEnv()
  return (rejectionBudget ??= createStoredRejectionBudget({
    burst: env.INBOUND_REJECTION_BURST,
    perMinute: env.INBOUND_REJECTIONS_PER_MINUTE,
  }))
}

export function readInboundBodyLimit(): number {
  return readEnv().INBOUND_BODY_LIMIT_BYTES ?? DEFAULT_BODY_LIMIT_BYTES
}

/** The inbound pipeline for any server: node:http's fast path calls it directly. */
export async function answerInboundCallback(
  request: InboundHttpRequest,
  params: { provider: string; jobId?: string },
): Promise<InboundAnswer> {
  const payload = await getPayloadClient()
  return receiveWebhook(
    payload,
    request,
    { provider: params.provider, jobId: params.jobId ?? null },
    {
      bodyLimitBytes: readInboundBodyLimit(),
      trustedProxies: readEnv().TRUSTED_PROXIES,
      rejectionBudget: readRejectionBudget(),
      rateLimiter,
      context: (context ??= createProviderContext()),
      persist,
    },
  )
}

/** The App Router routes' handler: the same pipeline over a fetch Request. */
export async function handleInboundRoute(
  request: Request,
  params: { provider: string; jobId?: string },
): Promise<Response> {
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value))
  const answer = await answerInboundCallback(
    {
      headers,
      query: Object.fromEntries(new URL(request.url).searchParams.entries()),
      // Next keeps a client's own X-Forwarded-For and shows no socket: the source stays unknown here.
      peerAddress: null,
      readBody: (limitBytes) => readLimitedBody(request, limitBytes),
    },
    params,
  )
  return Response.json(answer.body, { status: answer.status, headers: answer.headers })
}
