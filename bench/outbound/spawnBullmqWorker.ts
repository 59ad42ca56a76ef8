// One BullMQ peer worker process on the bench's redis-server, tuned like the hub worker.
import type { ChildProcess } from 'node:child_process'

import { spawnTypeScript, stopChild, waitForOutput } from './childProcesses'
import { preciseNow } from './receiverProtocol'
import { readPeakRss } from './readPeakRss'
import type { WorkerHandle, WorkerTuning } from './spawnHubWorker'

export async function spawnBullmqWorker(
  tuning: WorkerTuning,
  options: { redisPort: number; targetsFile: string; cpuProfileDir?: string },
): Promise<WorkerHandle> {
  const spawnedAt = preciseNow()
  const child: ChildProcess = spawnTypeScript('bench/outbound/bullmqWorkerProcess.ts', {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_REDIS_PORT: String(options.redisPort),
      BENCH_TARGETS_FILE: options.targetsFile,
      WORKER_CONCURRENCY: String(tuning.concurrency),
      WORKER_SUBSCRIPTION_CONCURRENCY: String(tuning.subscriptionConcurrency),
    },
    nodeFlags: options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [],
  })
  await waitForOutput(child, /\[bullmq-peer\] started/, 30_000)
  const readyAt = preciseNow()
  child.stdout?.resume()
  const pid = child.pid ?? 0
  return {
    pid,
    spawnedAt,
    readyAt,
    memory: () => readPeakRss(pid),
    stop: () => stopChild(child, 30_000),
  }
}
