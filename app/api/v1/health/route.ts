import { respondOk } from '@/lib/api/respond'
import { readEnv } from '@/lib/config/env'
import { readHealth } from '@/lib/health/readHealth'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const payload = await getPayloadClient()
  const health = await readHealth(payload, {
    heartbeatStaleAfterMs: readEnv().WORKER_HEARTBEAT_MS * 3,
  })
  return respondOk(health, health.database.reachable ? 200 : 503)
}
