// The delivery bench proper: hub and BullMQ peer alternating on one receiver, then idle latency.
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { generateEventId, publishEvent } from '@/lib/events/publishEvent'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'
import { LATENCY_EVENT_TYPE, THROUGHPUT_EVENT_TYPE, benchJobData } from './benchEvents'
import { buildPeerJob, runBullmqDelivery } from './bullmqDeliveryRun'
import { PEER_QUEUE_NAME, type PeerJobData, type PeerTargets } from './bullmqPeerJob'
import type { DeliveryRunResult } from './deliveryRunResult'
import { describeMachine } from './describeMachine'
import { formatDeliveryReport } from './formatDeliveryReport'
import { runHubDelivery } from './hubDeliveryRun'
import { measureFirstAttemptLatency, type LatencySummary } from './measureFirstAttemptLatency'
import type { BenchDatabase } from './prepareBenchDatabase'
import { seedSubscriptions, type SeededSubscription } from './seedSubscriptions'
import { spawnBullmqWorker } from './spawnBullmqWorker'
import { spawnHubWorker, type WorkerHandle, type WorkerTuning } from './spawnHubWorker'
import { startReceiverProcess, type ReceiverHandle } from './startReceiverProcess'
import { startRedisServer } from './startRedisServer'
import { round } from './statistics'

export type DeliveryBenchOptions = {
  deliveries: number
  subscriptions: number
  rounds: number
  latencySamples: number
  tuning: WorkerTuning
  profileDir?: string
}

const SETTLE_MS = 1_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function logRun(run: DeliveryRunResult) {
  console.log(
    `  ${run.system.padEnd(6)} ${round(run.deliveriesPerSecond, 0)} deliveries/s over ${round(run.firstToLastMs, 0)} ms ` +
      `(boot ${round(run.bootMs, 0)} ms, peak RSS ${round(run.peakRssMb, 0)} MB, duplicates ${run.duplicates})`,
  )
}

/** Latency with a worker that has booted and gone idle, so only the poll and the send are timed. */
async function withIdleWorker<T>(start: () => Promise<WorkerHandle>, measure: () => Promise<T>) {
  const worker = await start()
  try {
    await sleep(SETTLE_MS)
    return await measure()
  } finally {
    await worker.stop()
  }
}

function writePeerTargets(directory: string, subscriptions: SeededSubscription[]): string {
  const targets: PeerTargets = Object.fromEntries(
    subscriptions.map((subscription) => [
      String(subscription.id),
      { url: subscription.url, secret: subscription.secret },
    ]),
  )
  const file = path.join(directory, 'peer-targets.json')
  writeFileSync(file, JSON.stringify(targets))
  return file
}

async function seedBench(payload: Payload, receiver: ReceiverHandle, count: number) {
  const throughput = await seedSubscriptions(payload, {
    count,
    eventTypes: [THROUGHPUT_EVENT_TYPE],
    url: (index) => `${receiver.url}/hooks/${index}`,
    label: 'bench',
  })
  const [latency] = await seedSubscriptions(payload, {
    count: 1,
    eventTypes: [LATENCY_EVENT_TYPE],
    url: () => `${receiver.url}/latency`,
    label: 'latency',
  })
  return { throughput, latency }
}

export async function runDeliveryBench(options: DeliveryBenchOptions, database: BenchDatabase) {
  const machine = describeMachine()
  const payload = await getPayloadClient()
  await runMigrations(payload)
  const receiver = await startReceiverProcess()
  const redis = await startRedisServer()
  const connection = new Redis({ host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null })
  const queue = new Queue<PeerJobData>(PEER_QUEUE_NAME, { connection })
  try {
    const seeded = await seedBench(payload, receiver, options.subscriptions)
    const targetsFile = writePeerTargets(database.directory, [...seeded.throughput, seeded.latency])
    const shared = {
      receiver,
      subscriptions: seeded.throughput,
      deliveries: options.deliveries,
      tuning: options.tuning,
    }
    const runs: DeliveryRunResult[] = []
    for (let round = 1; round <= options.rounds; round += 1) {
      console.log(`round ${round} of ${options.rounds}`)
      const profileDir = round === 1 ? options.profileDir : undefined
      const label = `r${round}`
      runs.push(await runHubDelivery({ ...shared, payload, label, cpuProfileDir: profileDir }))
      logRun(runs.at(-1)!)
      runs.push(
        await runBullmqDelivery({
          ...shared,
          queue,
          redisPort: redis.port,
          targetsFile,
          label,
          cpuProfileDir: profileDir,
        }),
      )
      logRun(runs.at(-1)!)
    }

    const latencyOptions = {
      receiver,
      subscriptionId: String(seeded.latency.id),
      samples: options.latencySamples,
      spacingMs: 100,
    }
    console.log('publish → first attempt latency')
    const hubLatency: LatencySummary = await withIdleWorker(
      () => spawnHubWorker(options.tuning),
      () =>
        measureFirstAttemptLatency({
          ...latencyOptions,
          publish: async (index) => {
            const data = benchJobData('latency', index)
            return (await publishEvent(payload, { event_type: LATENCY_EVENT_TYPE, data })).event_id
          },
        }),
    )
    await queue.obliterate({ force: true })
    const peerLatency: LatencySummary = await withIdleWorker(
      () => spawnBullmqWorker(options.tuning, { redisPort: redis.port, targetsFile }),
      () =>
        measureFirstAttemptLatency({
          ...latencyOptions,
          publish: async (index) => {
            const eventId = generateEventId()
            const data = benchJobData('latency', index)
            const job = buildPeerJob(seeded.latency, {
              eventId,
              eventType: LATENCY_EVENT_TYPE,
              data,
            })
            await queue.add(job.name, job.data, job.opts)
            return eventId
          },
        }),
    )

    const report = {
      machine,
      tuning: options.tuning,
      subscriptions: options.subscriptions,
      runs,
      latency: { hub: hubLatency, bullmq: peerLatency },
    }
    console.log(`\n${formatDeliveryReport(report)}\n`)
    console.log(`JSON ${JSON.stringify(report)}`)
  } finally {
    await queue.close()
    await connection.quit()
    await redis.stop()
    await receiver.stop()
    await payload.destroy()
  }
}
