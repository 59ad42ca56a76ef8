// `npm run bench:flow`: the whole product under fal callbacks, from callback to delivered job.completed.
import { writeFileSync } from 'node:fs'

import { ensureBuild } from '../chaos/ensureBuild'
import { describeMachine } from '../outbound/describeMachine'
import { readPeakRss } from '../outbound/readPeakRss'
import type { FlowBenchResult, FlowRound } from './flowBenchResult'
import { readFlowOptions } from './flowOptions'
import { formatFlowReport } from './formatFlowReport'
import { createJobCompletedSubscription } from './hubApi'
import { measureBacklog } from './measureBacklog'
import { measureBurst } from './measureBurst'
import { measureIdleFlow } from './measureIdleFlow'
import { measureManagementList } from './measureManagementList'
import { measureBatchPublish, measureSinglePublish } from './measurePublishApi'
import { startArrivalReceiver } from './startArrivalReceiver'
import { startFlowHub } from './startFlowHub'

const options = readFlowOptions()
const startedAt = Date.now()
const log = (message: string) => console.error(`[flow] ${message}`)

// Every phase has its own deadline; this one catches whatever a phase's deadline did not foresee.
const overallLimitMs = 900_000 + (options.rounds * options.callbacks + options.backlog) * 250
setTimeout(() => {
  console.error(`[flow] gave up: the whole run passed its ${overallLimitMs} ms limit`)
  process.exit(1)
}, overallLimitMs).unref()

ensureBuild(options.skipBuild)
const hub = await startFlowHub({ profileDir: options.profileDir })
try {
  const receiver = await startArrivalReceiver()
  await createJobCompletedSubscription(hub.api, receiver.url)
  log(
    `hub up at ${hub.api.baseUrl} (web ${hub.webPid}, worker ${hub.workerPid}), receiver ${receiver.url}`,
  )

  // The first callbacks pay for JIT, the JWKS fetch and lazy route loading: keep them out of round 1.
  await measureIdleFlow({ hub, receiver, round: 0, samples: 5, gapMs: options.idleGapMs })

  const rounds: FlowRound[] = []
  for (let round = 1; round <= options.rounds; round += 1) {
    log(`round ${round}: burst of ${options.callbacks} callbacks`)
    const burst = await measureBurst({ hub, receiver, round, ...options })
    log(`round ${round}: ${options.idleSamples} idle samples`)
    const idle = await measureIdleFlow({
      hub,
      receiver,
      round,
      samples: options.idleSamples,
      gapMs: options.idleGapMs,
    })
    rounds.push({ burst, idle })
  }

  // The backlog phase restarts the worker: its first process's peak is read now.
  const firstWorkerMemory = readPeakRss(hub.workerPid)
  // Right after the rounds, while nothing else is queued: the stream's idle figures are truly idle.
  const backlog =
    options.backlog > 0
      ? (log(`backlog of ${options.backlog} callbacks beside ${options.streamRate} events/s`),
        await measureBacklog({
          hub,
          receiver,
          callbacks: options.backlog,
          connections: options.connections,
          streamPerSecond: options.streamRate,
        }))
      : null

  // The list runs before publishing, so the worker is not draining the published events meanwhile.
  log('management list')
  const list = await measureManagementList(hub.api, {
    connections: options.connections,
    seconds: options.listSeconds,
  })
  log('publish API')
  const singlePublish = await measureSinglePublish(hub.api, {
    events: options.publishEvents,
    connections: options.connections,
  })
  const batchPublish = await measureBatchPublish(hub.api, {
    requests: options.batchRequests,
    batchSize: options.batchSize,
  })
  const lastWorkerMemory = readPeakRss(hub.workerPid)
  const memory = {
    web: readPeakRss(hub.webPid),
    worker:
      firstWorkerMemory.peakRssMb >= lastWorkerMemory.peakRssMb
        ? firstWorkerMemory
        : lastWorkerMemory,
  }
  await receiver.stop()
  await hub.stop()

  const result: FlowBenchResult = {
    command: [
      'npm run bench:flow',
      ...(process.argv.length > 2 ? ['--'] : []),
      ...process.argv.slice(2),
    ].join(' '),
    machine: describeMachine(),
    options,
    rounds,
    list,
    singlePublish,
    batchPublish,
    memory,
    backlog,
    durationMs: Date.now() - startedAt,
  }
  console.log(formatFlowReport(result))
  if (options.out) writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`)
  hub.database.remove()
  process.exit(0)
} catch (error) {
  console.error('[flow] failed:', error)
  console.error(`[flow] database kept for inspection: ${hub.database.file}`)
  process.exit(1)
}
