// `npm run worker`: the process that delivers webhooks and polls orphaned jobs.
import { readEnv } from '@/lib/config/env'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'
import { createWorkerLoops } from '@/lib/worker/createWorkerLoops'
import { runWorker } from '@/lib/worker/runWorker'

const env = readEnv()
const payload = await getPayloadClient()
await runMigrations(payload)
const worker = await runWorker(payload, {
  heartbeatMs: env.WORKER_HEARTBEAT_MS,
  loops: (workerId) => createWorkerLoops(payload, env, workerId),
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`[worker] ${signal}: draining`)
    worker
      .stop()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error('[worker] drain failed', error)
        process.exit(1)
      })
  })
}
