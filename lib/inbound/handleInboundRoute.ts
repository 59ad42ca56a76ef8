// Shared body of the two inbound routes (with and without a job id in the path).
import { readEnv } from '@/lib/config/env'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { createProviderContext } from './providerContext'
import { DEFAULT_BODY_LIMIT_BYTES } from './readLimitedBody'
import { receiveWebhook } from './receiveWebhook'

/** Benchmark-only switch (bench/inbound): measures the route without persistence. Never set it in production. */
const persist = process.env.HUB_BENCHMARK_INBOUND !== 'verify-only'
if (!persist) console.warn('[inbound] HUB_BENCHMARK_INBOUND=verify-only: callbacks are NOT stored')

let context: ReturnType<typeof createProviderContext> | undefined

export function readInboundBodyLimit(): number {
  return readEnv().INBOUND_BODY_LIMIT_BYTES ?? DEFAULT_BODY_LIMIT_BYTES
}

export async function handleInboundRoute(
  request: Request,
  params: { provider: string; jobId?: string },
): Promise<Response> {
  const payload = await getPayloadClient()
  return receiveWebhook(
    payload,
    request,
    { provider: params.provider, jobId: params.jobId ?? null },
    {
      bodyLimitBytes: readInboundBodyLimit(),
      context: (context ??= createProviderContext()),
      persist,
    },
  )
}
