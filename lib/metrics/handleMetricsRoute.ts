// GET /api/v1/metrics: authorize, read one snapshot from the database, answer Prometheus text.
import { respondError } from '@/lib/api/respond'
import { readEnv } from '@/lib/config/env'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { authorizeMetricsScrape } from './authorizeMetricsScrape'
import { METRICS_CONTENT_TYPE, renderMetrics } from './renderMetrics'
import { getMetricsStore } from './store/getMetricsStore'

export async function handleMetricsRoute(request: Request): Promise<Response> {
  try {
    const env = readEnv()
    const payload = await getPayloadClient()
    await authorizeMetricsScrape(payload, request, env.METRICS_TOKEN)
    const now = new Date()
    const snapshot = await getMetricsStore(payload).readSnapshot(now)
    const text = await renderMetrics(snapshot, {
      now,
      heartbeatStaleAfterMs: env.WORKER_HEARTBEAT_MS * 3,
    })
    return new Response(text, {
      headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' },
    })
  } catch (error) {
    return respondError(error)
  }
}
