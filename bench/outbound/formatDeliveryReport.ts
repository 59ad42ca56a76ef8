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
  publishRate: number
  runs: DeliveryRunResult[]
  latency: { hub: LatencySummary; bullmq: LatencySummary }
  redisPeakRssMb: number
}

const perRunHeader = [
  '| % 500s | workers | round | system | deliveries/s | publish ms | all delivered ms | recorded ms | latency p50 / p95 / p99 / max ms | worker peak RSS MB | duplicates | 500s sent |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
]

function perRunRow(run: DeliveryRunResult): string {
  const { p50, p95, p99, max } = run.latencyMs
  return `| ${run.failFraction * 100} | ${run.workers} | ${run.round} | ${run.system} | ${round(run.deliveriesPerSecond, 0)} | ${round(run.publishMs, 0)} | ${round(run.allDeliveredMs, 0)} | ${round(run.recordedMs, 0)} | ${[p50, p95, p99, max].map((ms) => round(ms, 0)).join(' / ')} | ${run.peakRssMb.map((mb) => round(mb, 0)).join(', ')} | ${run.duplicates} | ${run.failedFirstAttempts} |`
}

/** Same-round hub/BullMQ ratios of one figure, and their median. */
function ratioCell(
  hub: DeliveryRunResult[],
  peer: DeliveryRunResult[],
  pick: (run: DeliveryRunResult) => number,
) {
  const ratios = hub.flatMap((run) => {
    const partner = peer.find((candidate) => candidate.round === run.round)
    return partner ? [pick(run) / pick(partner)] : []
  })
  return `**${round(median(ratios), 2)}** (${ratios.map((ratio) => round(ratio, 2)).join(', ')})`
}

function summaryRows(runs: DeliveryRunResult[]): string[] {
  const groups = new Map<string, DeliveryRunResult[]>()
  for (const run of runs) {
    const key = `${run.failFraction}|${run.workers}`
    groups.set(key, [...(groups.get(key) ?? []), run])
  }
  const rows: string[] = []
  for (const group of groups.values()) {
    const hub = group.filter((run) => run.system === 'hub')
    const peer = group.filter((run) => run.system === 'bullmq')
    const { failFraction, workers } = group[0]
    const figure = (runsOf: DeliveryRunResult[], pick: (run: DeliveryRunResult) => number) =>
      round(median(runsOf.map(pick)), 0)
    for (const [system, runsOf] of [
      ['hub', hub],
      ['BullMQ', peer],
    ] as const) {
      rows.push(
        `| ${failFraction * 100} | ${workers} | ${system} | ${figure(runsOf, (run) => run.deliveriesPerSecond)} | ${figure(runsOf, (run) => run.allDeliveredMs)} | ${['p50', 'p95', 'p99'].map((p) => figure(runsOf, (run) => run.latencyMs[p as 'p50'])).join(' / ')} | ${figure(runsOf, (run) => Math.max(...run.peakRssMb))} | ${runsOf.reduce((sum, run) => sum + run.duplicates, 0)} |`,
      )
    }
    rows.push(
      `| ${failFraction * 100} | ${workers} | hub / BullMQ | ${ratioCell(hub, peer, (run) => run.deliveriesPerSecond)} | ${ratioCell(hub, peer, (run) => run.allDeliveredMs)} | ${ratioCell(hub, peer, (run) => run.latencyMs.p50)} (p50) | | |`,
    )
  }
  return rows
}

export function formatDeliveryReport(report: DeliveryReport): string {
  const { machine, tuning } = report
  const lines = [
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.kernel}`,
    `Date: ${machine.date}`,
    `Tuning (each worker of both systems): concurrency ${tuning.concurrency}, connections/subscription concurrency ${tuning.subscriptionConcurrency}, hub poll ${tuning.pollMs} ms`,
    `Runs: ${[...new Set(report.runs.map((run) => run.deliveries))].join(' and ')} deliveries over ${report.subscriptions} subscriptions, one receiver; published ${report.publishRate > 0 ? `at ${report.publishRate} deliveries/s` : 'as fast as possible'} while the workers run`,
    '',
    '| % 500s | workers | system | deliveries/s | all delivered ms | latency p50 / p95 / p99 ms | peak RSS MB (largest worker) | duplicates |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...summaryRows(report.runs),
    '',
    `redis-server peak RSS over the whole bench: ${round(report.redisPeakRssMb, 0)} MB`,
    '',
    ...perRunHeader,
    ...report.runs.map(perRunRow),
    '',
    '| publish → first attempt, idle queue | median ms | p95 ms | max ms | publish call median ms | samples |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  for (const [system, summary] of Object.entries(report.latency)) {
    lines.push(
      `| ${system} | ${round(summary.medianMs)} | ${round(summary.p95Ms)} | ${round(summary.maxMs)} | ${round(summary.publishMedianMs)} | ${summary.samples} |`,
    )
  }
  return lines.join('\n')
}
