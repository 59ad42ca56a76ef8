// The delivery bench proper: hub and BullMQ peer alternating on one receiver with 1 and 3 workers,
// idle latency, then the runs where a share of first attempts is answered 500.
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'
import { LATENCY_EVENT_TYPE, THROUGHPUT_EVENT_TYPE } from './benchEvents'
import { runBullmqDelivery, type BullmqPeer } from './bullmqDeliveryRun'
import { PEER_QUEUE_NAME, type PeerJobData, type PeerTargets } from './bullmqPeerJob'
import type { DeliveryRunContext } from './deliveryRunContext'
import type { DeliveryRunResult } from './deliveryRunResult'
import { describeMachine } from './describeMachine'
import { formatDeliveryReport } from './formatDeliveryReport'
import { runHubDelivery } from './hubDeliveryRun'
import { measureIdleLatencies } from './measureIdleLatencies'
import type { BenchDatabase } from './prepareBenchDatabase'
import { readPeakRss } from './readPeakRss'
import { seedSubscriptions, type SeededSubscription } from './seedSubscriptions'
import type { WorkerTuning } from './spawnHubWorker'
import { startReceiverProcess, type ReceiverHandle } from './startReceiverProcess'
import { startRedisServer } from './startRedisServer'
import { round } from './statistics'

export type DeliveryBenchOptions = {
  deliveries: number
  subscriptions: number
  rounds: number
  workerCounts: number[]
  failFraction: number
  /** The 500s runs' own size: their retries make the hub's runs far longer than the others. */
  failureDeliveries: number
  failureWorkerCounts: number[]
  failureRounds: number
  publishRate: number
  latencySamples: number
  runTimeoutMs: number
  tuning: WorkerTuning
  profileDir?: string
}

function logRun(run: DeliveryRunResult) {
  console.log(
    `  ${run.system.padEnd(6)} ×${run.workers}: ${round(run.deliveriesPerSecond, 0)} deliveries/s, ` +
      `all delivered ${round(run.allDeliveredMs, 0)} ms after publish start (publish ${round(run.publishMs, 0)} ms), ` +
      `latency p50/p99 ${round(run.latencyMs.p50, 0)}/${round(run.latencyMs.p99, 0)} ms, ` +
      `peak RSS ${run.peakRssMb.map((mb) => round(mb, 0)).join('+')} MB, duplicates ${run.duplicates}`,
  )
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

/** Hub then BullMQ in every round, so each ratio compares neighbours in time. */
async function runAlternating(
  payload: Payload,
  peer: BullmqPeer,
  base: Omit<DeliveryRunContext, 'workers' | 'round' | 'label' | 'failFraction' | 'deliveries'>,
  plan: { deliveries: number; workerCounts: number[]; rounds: number; failFraction: number },
): Promise<DeliveryRunResult[]> {
  const runs: DeliveryRunResult[] = []
  for (const workers of plan.workerCounts) {
    for (let round = 1; round <= plan.rounds; round += 1) {
      console.log(
        `${workers} worker(s), round ${round} of ${plan.rounds}, ${plan.failFraction * 100} % 500s`,
      )
      const context = {
        ...base,
        deliveries: plan.deliveries,
        workers,
        round,
        failFraction: plan.failFraction,
        label: `w${workers}r${round}f${plan.failFraction}`,
        cpuProfileDir: round === 1 ? base.cpuProfileDir : undefined,
      }
      runs.push(await runHubDelivery(payload, context))
      logRun(runs.at(-1)!)
      runs.push(await runBullmqDelivery(peer, context))
      logRun(runs.at(-1)!)
    }
  }
  return runs
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
    const peer: BullmqPeer = {
      queue,
      redisPort: redis.port,
      targetsFile: writePeerTargets(database.directory, [...seeded.throughput, seeded.latency]),
    }
    const base = {
      receiver,
      subscriptions: seeded.throughput,
      tuning: options.tuning,
      publishRate: options.publishRate,
      timeoutMs: options.runTimeoutMs,
      cpuProfileDir: options.profileDir,
    }
    const runs = await runAlternating(payload, peer, base, {
      deliveries: options.deliveries,
      workerCounts: options.workerCounts,
      rounds: options.rounds,
      failFraction: 0,
    })
    // Before the 500s runs: the receiver keeps failing first attempts until the next expect().
    console.log('publish → first attempt latency, idle queue')
    const latency = await measureIdleLatencies({
      payload,
      peer,
      receiver,
      subscription: seeded.latency,
      samples: options.latencySamples,
      tuning: options.tuning,
    })
    if (options.failFraction > 0) {
      runs.push(
        ...(await runAlternating(payload, peer, base, {
          deliveries: options.failureDeliveries,
          workerCounts: options.failureWorkerCounts,
          rounds: options.failureRounds,
          failFraction: options.failFraction,
        })),
      )
    }
    const report = {
      machine,
      tuning: options.tuning,
      subscriptions: options.subscriptions,
      publishRate: options.publishRate,
      runs,
      latency,
      redisPeakRssMb: readPeakRss(redis.pid).peakRssMb,
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
