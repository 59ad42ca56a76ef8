// Management phase: the subscriptions list under a fixed number of connections for a fixed time.
import autocannon from 'autocannon'

import { authorizationHeaders, type HubApi } from './hubApi'

export type ListResult = { rps: number; p50Ms: number; p99Ms: number; ok: number; errors: number }

export async function measureManagementList(
  api: HubApi,
  options: { connections: number; seconds: number },
): Promise<ListResult> {
  const url = `${api.baseUrl}/api/v1/webhooks/subscriptions`
  // Next loads a route's code on its first request; that one-off cost is not the list's speed.
  const warmUp = await fetch(url, {
    headers: authorizationHeaders(api),
    signal: AbortSignal.timeout(30_000),
  })
  if (warmUp.status !== 200) throw new Error(`subscriptions list answered HTTP ${warmUp.status}`)
  await warmUp.text()
  const result = await autocannon({
    url,
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
