// Management phase: the subscriptions list under a fixed number of connections for a fixed time.
import autocannon from 'autocannon'

import type { HubApi } from './hubApi'

export type ListResult = { rps: number; p50Ms: number; p99Ms: number; ok: number; errors: number }

export async function measureManagementList(
  api: HubApi,
  options: { connections: number; seconds: number },
): Promise<ListResult> {
  const result = await autocannon({
    url: `${api.baseUrl}/api/v1/webhooks/subscriptions`,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${api.apiKey}` },
  })
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
  }
}
