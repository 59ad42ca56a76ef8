// One real hub worker process (scripts/worker.ts) on the bench's database, with the bench's tuning.
import type { ChildProcess } from 'node:child_process'

import { spawnTypeScript, stopChild, waitForOutput } from './childProcesses'
import { preciseNow } from './receiverProtocol'
import { readPeakRss, type MemoryReading } from './readPeakRss'

export type WorkerTuning = {
  concurrency: number
  subscriptionConcurrency: number
  pollMs: number
}

/** The product's own worker settings (from the parsed environment), as every bench and chaos run passes them. */
export function workerTuningFrom(env: {
  WORKER_CONCURRENCY: number
  WORKER_SUBSCRIPTION_CONCURRENCY: number
  DELIVERY_POLL_MS: number
}): WorkerTuning {
  return {
    concurrency: env.WORKER_CONCURRENCY,
    subscriptionConcurrency: env.WORKER_SUBSCRIPTION_CONCURRENCY,
    pollMs: env.DELIVERY_POLL_MS,
  }
}

export type WorkerHandle = {
  pid: number
  spawnedAt: number
  readyAt: number
  memory(): MemoryReading
  stop(): Promise<number | null>
}

export function hubWorkerEnv(tuning: WorkerTuning): Record<string, string> {
  return {
    NODE_ENV: 'production',
    ALLOW_PRIVATE_TARGETS: 'true',
    WORKER_CONCURRENCY: String(tuning.concurrency),
    WORKER_SUBSCRIPTION_CONCURRENCY: String(tuning.subscriptionConcurrency),
    DELIVERY_POLL_MS: String(tuning.pollMs),
  }
}

export async function spawnHubWorker(
  tuning: WorkerTuning,
  options: { cpuProfileDir?: string } = {},
): Promise<WorkerHandle> {
  const spawnedAt = preciseNow()
  const child: ChildProcess = spawnTypeScript('scripts/worker.ts', {
    env: { ...process.env, ...hubWorkerEnv(tuning) },
    nodeFlags: options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [],
  })
  await waitForOutput(child, /\[worker\] \S+ started/, 60_000)
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
