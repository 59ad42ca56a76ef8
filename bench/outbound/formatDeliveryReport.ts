// Turns the delivery bench's runs into the markdown tables BENCHMARKS.md quotes.
import type { DeliveryRunResult } from './deliveryRunResult'
import type { MachineDescription } from './describeMachine'
import type { LatencySummary } from './measureFirstAttemptLatency'
import type { WorkerTuning } from './spawnHubWorker'
import { median, round } from './statistics'

export type DeliveryReport = {
  machine: MachineDescription
  tuning: WorkerTuning
  subscriptions: number
  runs: DeliveryRunResult[]
  latency: { hub: LatencySummary; bullmq: LatencySummary }
}

function medianOf(runs: DeliveryRunResult[], pick: (run: DeliveryRunResult) => number) {
  return median(runs.map(pick))
}

export function formatDeliveryReport(report: DeliveryReport): string {
  const hub = report.runs.filter((run) => run.system === 'hub')
  const peer = report.runs.filter((run) => run.system === 'bullmq')
  const { machine, tuning } = report
  const lines = [
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.kernel}`,
    `Date: ${machine.date}`,
    `Tuning (both systems): concurrency ${tuning.concurrency}, connections/subscription concurrency ${tuning.subscriptionConcurrency}, hub poll ${tuning.pollMs} ms`,
    `Backlog: ${hub[0]?.deliveries ?? 0} deliveries over ${report.subscriptions} subscriptions, one receiver`,
    '',
    '| run | system | deliveries/s | first→last ms | boot ms | total ms | recorded ms | peak RSS MB | duplicates |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.runs.map(
      (run, index) =>
        `| ${Math.floor(index / 2) + 1} | ${run.system} | ${round(run.deliveriesPerSecond, 0)} | ${round(run.firstToLastMs, 0)} | ${round(run.bootMs, 0)} | ${round(run.totalMs, 0)} | ${round(run.recordedMs, 0)} | ${round(run.peakRssMb, 0)} | ${run.duplicates} |`,
    ),
    '',
    '| figure (median of runs) | hub | BullMQ | hub / BullMQ |',
    '| --- | --- | --- | --- |',
  ]
  const row = (label: string, pick: (run: DeliveryRunResult) => number, digits = 0) => {
    const hubValue = medianOf(hub, pick)
    const peerValue = medianOf(peer, pick)
    return `| ${label} | ${round(hubValue, digits)} | ${round(peerValue, digits)} | ${round(hubValue / peerValue, 2)} |`
  }
  lines.push(
    row('deliveries/s (first→last)', (run) => run.deliveriesPerSecond),
    row('worker boot ms', (run) => run.bootMs),
    row('spawn→last ms', (run) => run.totalMs),
    row('first→all recorded ms', (run) => run.recordedMs),
    row('worker peak RSS MB', (run) => run.peakRssMb),
  )
  const ratios = hub.map((run, index) => run.deliveriesPerSecond / peer[index].deliveriesPerSecond)
  lines.push(
    '',
    `Per-round throughput ratio hub/BullMQ: ${ratios.map((ratio) => round(ratio, 2)).join(', ')} (median ${round(median(ratios), 2)})`,
    '',
    '| publish → first attempt, idle queue | median ms | p95 ms | max ms | publish call median ms | samples |',
    '| --- | --- | --- | --- | --- | --- |',
  )
  for (const [system, summary] of Object.entries(report.latency)) {
    lines.push(
      `| ${system} | ${round(summary.medianMs)} | ${round(summary.p95Ms)} | ${round(summary.maxMs)} | ${round(summary.publishMedianMs)} | ${summary.samples} |`,
    )
  }
  return lines.join('\n')
}
