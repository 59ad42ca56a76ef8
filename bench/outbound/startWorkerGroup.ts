// N worker processes of one system started together, stopped together, each one's memory read apart.
import { preciseNow } from './receiverProtocol'
import type { WorkerHandle } from './spawnHubWorker'

export type WorkerGroup = {
  count: number
  spawnedAt: number
  /** When the last of them said "started". */
  readyAt: number
  /** VmHWM of each worker, read while it still runs. */
  peakRssMb(): number[]
  stop(): Promise<void>
}

export async function startWorkerGroup(
  count: number,
  spawnOne: () => Promise<WorkerHandle>,
): Promise<WorkerGroup> {
  const spawnedAt = preciseNow()
  const started = await Promise.allSettled(Array.from({ length: count }, spawnOne))
  const handles = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const stop = async () => {
    await Promise.all(handles.map((handle) => handle.stop()))
  }
  const failure = started.find((result) => result.status === 'rejected')
  if (failure) {
    await stop()
    throw failure.reason
  }
  return {
    count,
    spawnedAt,
    readyAt: Math.max(...handles.map((handle) => handle.readyAt)),
    peakRssMb: () => handles.map((handle) => handle.memory().peakRssMb),
    stop,
  }
}
