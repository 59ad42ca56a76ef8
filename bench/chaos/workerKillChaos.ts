// Chaos 1: SIGKILL the worker 5 times while it drains a backlog; every delivery must still arrive.
import { tmpdir } from 'node:os'
import path from 'node:path'

import { envSchema } from '@/lib/config/env'
import { benchJobData, THROUGHPUT_EVENT_TYPE } from '../outbound/benchEvents'
import { prepareBenchDatabase } from '../outbound/prepareBenchDatabase'
import { seedSubscriptions } from '../outbound/seedSubscriptions'
import { spawnHubWorker, workerTuningFrom, type WorkerHandle } from '../outbound/spawnHubWorker'
import { round } from '../outbound/statistics'
import { bySize, readChaosOptions } from './chaosOptions'
import { countRows, openDatabase } from './openDatabase'
import { decide, finishScenario } from './scenarioResult'
import { startCountingReceiver } from './startCountingReceiver'
import { trackPid } from './trackChildren'
import { waitUntil } from './waitUntil'

const DUPLICATE_TARGET_PERCENT = 0.1
const options = readChaosOptions()
const deliveries = bySize(options.size, { ci: 10_000, full: 100_000 })
const subscriptionCount = 100
const kills = 5
const startedAt = Date.now()

// Before anything loads payload.config.ts. Short leases so a killed worker's deliveries come back fast.
const database = prepareBenchDatabase('chaos-worker-kill')
Object.assign(process.env, { DELIVERY_LEASE_MS: '3000', DELIVERY_TIMEOUT_MS: '1500' })
const { getPayloadClient } = await import('@/lib/payload/getPayloadClient')
const { runMigrations } = await import('@/lib/payload/runMigrations')
const { publishEvent } = await import('@/lib/events/publishEvent')

const env = envSchema.parse(process.env)
const tuning = workerTuningFrom(env)

const payload = await getPayloadClient()
await runMigrations(payload)
const receiver = await startCountingReceiver()
const client = openDatabase(database.file)
await seedSubscriptions(payload, {
  count: subscriptionCount,
  eventTypes: [THROUGHPUT_EVENT_TYPE],
  url: (index) => `${receiver.url}/s/${index}`,
  label: 'chaos kill',
})
for (let index = 0; index < deliveries / subscriptionCount; index += 1) {
  await publishEvent(payload, {
    event_type: THROUGHPUT_EVENT_TYPE,
    data: benchJobData('kill', index),
  })
}
console.log(`[chaos] worker-kill: ${deliveries} deliveries pending; starting the first worker`)

const startWorker = async () => {
  const worker = await spawnHubWorker(tuning)
  trackPid(worker.pid)
  return worker
}

const killLog: Array<{ atUnique: number; afterMs: number }> = []
const deliveredAtStart = Date.now()
let worker: WorkerHandle = await startWorker()
for (let kill = 1; kill <= kills; kill += 1) {
  // Each victim must have delivered something of its own, so every kill lands mid-run.
  const floor = (await receiver.tally()).unique + 50
  const threshold = Math.min(
    deliveries - 1,
    Math.max(Math.floor((deliveries * kill) / (kills + 1)), floor),
  )
  await waitUntil(async () => (await receiver.tally()).unique >= threshold, {
    timeoutMs: 300_000,
    intervalMs: 20,
    what: `${threshold} deliveries before kill ${kill}`,
  })
  process.kill(worker.pid, 'SIGKILL')
  await worker.stop()
  const { unique } = await receiver.tally()
  killLog.push({ atUnique: unique, afterMs: Date.now() - deliveredAtStart })
  console.log(`[chaos] worker-kill: SIGKILL ${kill}/${kills} at ${unique} delivered`)
  worker = await startWorker()
}

const countSucceeded = () =>
  countRows(client, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'succeeded'")
const drained = await waitUntil(
  async () =>
    (await receiver.tally()).unique >= deliveries && (await countSucceeded()) >= deliveries,
  {
    timeoutMs: bySize(options.size, { ci: 120_000, full: 600_000 }),
    intervalMs: 250,
    what: 'drain',
  },
)
const drainedMs = Date.now() - deliveredAtStart
await worker.stop()

const counts = await receiver.countsPerDelivery(
  path.join(database.directory, 'receiver-counts.json'),
)
const rows = await client.execute(
  "SELECT message_id || '/' || webhook_id AS key, status, attempt_count FROM webhook_deliveries",
)
const statusCounts: Record<string, number> = {}
let missing = 0
let recordedAttempts = 0
for (const row of rows.rows) {
  statusCounts[String(row.status)] = (statusCounts[String(row.status)] ?? 0) + 1
  if (!counts.has(String(row.key))) missing += 1
  recordedAttempts += Number(row.attempt_count)
}
const dbKeys = new Set(rows.rows.map((row) => String(row.key)))
const unknown = [...counts.keys()].filter((key) => !dbKeys.has(key)).length
const { requests, unique } = await receiver.tally()
const duplicates = requests - unique
const duplicatePercent = (duplicates / deliveries) * 100

const checks = {
  allRowsCreated: rows.rows.length === deliveries,
  everyDeliveryReceived: missing === 0 && unique === deliveries,
  everyRowSucceeded: (statusCounts.succeeded ?? 0) === deliveries,
  noUnknownRequests: unknown === 0,
  drainedInTime: drained,
  allKillsLanded: killLog.length === kills,
}
const passed = decide(checks)
await receiver.stop()
client.close()
if (passed) database.remove()

finishScenario(
  {
    scenario: 'worker-sigkill',
    size: options.size,
    passed,
    durationMs: Date.now() - startedAt,
    checks,
    figures: {
      deliveries,
      subscriptions: subscriptionCount,
      kills: killLog.length,
      killedAtDelivered: killLog.map((entry) => entry.atUnique).join(', '),
      received: unique,
      missing,
      requests,
      duplicates,
      duplicatePercent: round(duplicatePercent, 3),
      duplicateTargetMet: duplicatePercent < DUPLICATE_TARGET_PERCENT,
      recordedAttempts,
      statuses: JSON.stringify(statusCounts),
      firstWorkerToDrainedMs: drainedMs,
      leaseMs: 3000,
      timeoutMs: 1500,
      workerConcurrency: tuning.concurrency,
    },
    notes: [
      `duplicate target < ${DUPLICATE_TARGET_PERCENT} % is reported, not enforced: at-least-once allows them`,
      ...(passed ? [] : [`database kept for inspection: ${database.file} (tmp ${tmpdir()})`]),
    ],
  },
  options.out,
)
