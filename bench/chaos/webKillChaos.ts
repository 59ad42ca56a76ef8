// Chaos 2: SIGKILL the web server while signed callbacks pour in; every 2xx must be in webhook-logs.
import { randomBytes } from 'node:crypto'

import { createFalSigner } from '../inbound/falSigner'
import { prepareBenchDatabase } from '../outbound/prepareBenchDatabase'
import { bySize, readChaosOptions } from './chaosOptions'
import { ensureBuild } from './ensureBuild'
import { findFreePort } from '@/lib/process/findFreePort'
import { fireSignedCallbacks } from './fireSignedCallbacks'
import { openDatabase } from './openDatabase'
import { decide, finishScenario } from './scenarioResult'
import { migrateDatabase, startHubWebServer, type HubWebServer } from './startHubWebServer'
import { startJwksServer } from './startJwksServer'
import { waitUntil } from './waitUntil'

const options = readChaosOptions()
const total = bySize(options.size, { ci: 4_000, full: 30_000 })
const kills = bySize(options.size, { ci: 2, full: 5 })
const concurrency = 50
const startedAt = Date.now()
ensureBuild(process.argv.includes('--skip-build'))

const database = prepareBenchDatabase('chaos-web-kill')
const signer = createFalSigner()
const jwks = await startJwksServer(signer.jwks)
const port = await findFreePort()
const env = { ...process.env, FAL_JWKS_URL: jwks.url }
await migrateDatabase(env)
let web: HubWebServer = await startHubWebServer(port, env)

const firing = fireSignedCallbacks({
  url: () => `${web.baseUrl}/api/v1/webhooks/fal`,
  total,
  concurrency,
  runId: `chaos-${randomBytes(4).toString('hex')}`,
  sign: (requestId) =>
    signer.signCallback(requestId, { images: [{ url: 'https://cdn.example.com/a.png' }] }),
})

const restartsMs: number[] = []
const killedAtAcknowledged: number[] = []
for (let kill = 1; kill <= kills; kill += 1) {
  const threshold = Math.floor((total * kill) / (kills + 1))
  await waitUntil(() => firing.acknowledged.length >= threshold, {
    timeoutMs: 300_000,
    intervalMs: 10,
    what: `${threshold} acknowledged callbacks`,
  })
  await web.kill()
  killedAtAcknowledged.push(firing.acknowledged.length)
  console.log(
    `[chaos] web-kill: SIGKILL ${kill}/${kills} at ${firing.acknowledged.length} acknowledged`,
  )
  const restartAt = Date.now()
  web = await startHubWebServer(port, env)
  restartsMs.push(Date.now() - restartAt)
}
await firing.done
await web.stop()
jwks.close()

const client = openDatabase(database.file)
const stored = await client.execute(
  "SELECT id, external_job_id FROM webhook_logs WHERE source = 'fal' AND status != 'rejected'",
)
client.close()
const storedById = new Map(stored.rows.map((row) => [String(row.id), String(row.external_job_id)]))
const missing = firing.acknowledged.filter((ack) => storedById.get(ack.logId) !== ack.requestId)
for (const ack of missing.slice(0, 10)) {
  console.error(`[chaos] LOST: ${ack.requestId} acknowledged as log ${ack.logId}`)
}

const checks = {
  everyAcknowledgedStored: missing.length === 0,
  allKillsLanded: killedAtAcknowledged.length === kills,
}
const passed = decide(checks)
if (passed) database.remove()

finishScenario(
  {
    scenario: 'web-sigkill',
    size: options.size,
    passed,
    durationMs: Date.now() - startedAt,
    checks,
    figures: {
      acknowledged: firing.acknowledged.length,
      attempted: firing.sent,
      unacknowledged: firing.sent - firing.acknowledged.length,
      stored: storedById.size,
      missing: missing.length,
      kills: killedAtAcknowledged.length,
      killedAtAcknowledged: killedAtAcknowledged.join(', '),
      restartMs: restartsMs.join(', '),
      concurrency,
      failures: JSON.stringify(Object.fromEntries(firing.failures)),
    },
    notes: [
      'stored may exceed acknowledged: a callback stored just before the kill never got its answer',
      ...(passed ? [] : [`database kept for inspection: ${database.file}`]),
    ],
  },
  options.out,
)
