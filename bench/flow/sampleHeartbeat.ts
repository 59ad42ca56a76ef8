// Reads /api/v1/health at a fixed interval: the age of the freshest worker heartbeat, and whether the
// hub called its worker alive.
import { preciseNow } from '../outbound/receiverProtocol'
import type { HubApi } from './hubApi'

type HealthBody = { data?: { worker?: { status?: string; last_heartbeat_at?: string | null } } }

export function sampleHeartbeat(api: HubApi, intervalMs: number) {
  const ages: number[] = []
  let notAlive = 0
  let sampling = Promise.resolve()
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      try {
        const response = await fetch(`${api.baseUrl}/api/v1/health`, {
          signal: AbortSignal.timeout(5_000),
        })
        const worker = ((await response.json()) as HealthBody).data?.worker
        if (worker?.status !== 'alive') notAlive += 1
        if (worker?.last_heartbeat_at) ages.push(Date.now() - Date.parse(worker.last_heartbeat_at))
      } catch {
        notAlive += 1
      }
    })
  }, intervalMs)
  const startedAt = preciseNow()
  return {
    async stop() {
      clearInterval(timer)
      await sampling
      return {
        samples: ages.length,
        maxAgeMs: Math.max(0, ...ages),
        notAliveSamples: notAlive,
        sampledMs: preciseNow() - startedAt,
      }
    },
  }
}
