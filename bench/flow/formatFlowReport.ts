// The flow bench's markdown report: per-round figures with their medians, then the API phases.
import { median, round } from '../outbound/statistics'
import type { FlowBenchResult, FlowRound } from './flowBenchResult'
import type { StreamFigures } from './measureBacklog'

type RoundFigure = { label: string; read: (round: FlowRound) => number; digits?: number }

const ROUND_FIGURES: RoundFigure[] = [
  { label: 'Burst ack rate (callbacks/s)', read: (r) => r.burst.ackRate },
  { label: 'Burst end-to-end rate (callbacks/s)', read: (r) => r.burst.endToEndRate },
  { label: 'Burst sent → delivered p50 (ms)', read: (r) => r.burst.sentToDeliveredP50Ms },
  { label: 'Burst sent → delivered p99 (ms)', read: (r) => r.burst.sentToDeliveredP99Ms },
  { label: 'Burst acked → delivered p50 (ms)', read: (r) => r.burst.ackedToDeliveredP50Ms },
  { label: 'Burst acked → delivered p99 (ms)', read: (r) => r.burst.ackedToDeliveredP99Ms },
  { label: 'Worker CPU per callback (ms)', read: (r) => r.burst.workerCpuMsPerCallback, digits: 2 },
  { label: 'Web CPU per callback (ms)', read: (r) => r.burst.webCpuMsPerCallback, digits: 2 },
  { label: 'Duplicate deliveries', read: (r) => r.burst.duplicateDeliveries, digits: 0 },
  { label: 'Idle sent → delivered p50 (ms)', read: (r) => r.idle.p50Ms },
  { label: 'Idle sent → delivered p99 (ms)', read: (r) => r.idle.p99Ms },
]

function formatRoundsTable(rounds: FlowRound[]): string[] {
  const header = ['Figure', ...rounds.map((_, index) => `Round ${index + 1}`), 'Median']
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`]
  for (const figure of ROUND_FIGURES) {
    const values = rounds.map(figure.read)
    const cells = [...values, median(values)].map((value) => String(round(value, figure.digits)))
    lines.push(`| ${figure.label} | ${cells.join(' | ')} |`)
  }
  return lines
}

function formatBatch(result: FlowBenchResult['batchPublish']): string {
  if (!result.available) return `n/a (${result.status})`
  return `${round(result.eventsPerSecond)} events/s (${result.requests} × ${result.events / result.requests} events, p99 ${round(result.p99Ms)} ms per request)`
}

function formatBacklog(backlog: FlowBenchResult['backlog']): string[] {
  if (!backlog) return []
  const stream = (figures: StreamFigures) =>
    `${round(figures.deliveredPerSecond)} delivered/s, publish → delivered p50 ${round(figures.p50Ms)} ms, p99 ${round(figures.p99Ms)} ms`
  return [
    '',
    `Backlog: ${backlog.acknowledged} callbacks stored with the worker stopped, then drained by a fresh worker while ${backlog.streamPerSecond} other events/s were published.`,
    '',
    '| Backlog figure | Value |',
    '|---|---|',
    `| Drain (callback → job.completed delivered) | ${round(backlog.drainMs / 1_000)} s, ${round(backlog.drainRate)} callbacks/s |`,
    `| Other events, idle hub | ${stream(backlog.idleStream)} |`,
    `| Other events, during the drain | ${stream(backlog.drainStream)} |`,
    `| During / idle delivery rate | ${round(backlog.streamRatio, 2)} |`,
    `| Worker heartbeat during the drain | ${backlog.heartbeat.samples} health samples, oldest heartbeat ${round(backlog.heartbeat.maxAgeMs)} ms, ${backlog.heartbeat.notAliveSamples} samples not "alive" |`,
  ]
}

export function formatFlowReport(result: FlowBenchResult): string {
  const { machine, options, list, singlePublish: single, memory } = result
  const failures = result.rounds.map((r) => JSON.stringify(r.burst.failures)).join(', ')
  return [
    `## Flow bench: fal callback → job.completed delivery (${options.callbacks} callbacks, ${options.connections} connections, ${result.rounds.length} round${result.rounds.length === 1 ? '' : 's'})`,
    '',
    `Command: \`${result.command}\``,
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.kernel}, ${machine.date}`,
    'Product: migrations, scripts/web.ts (production build) and scripts/worker.ts with default settings, one fresh SQLite file shared by all rounds (rounds run back to back on the same processes).',
    `Burst failures per round: ${failures}`,
    'API phases run after the rounds: the list first, then publishing, whose job.completed events match the one subscription, so the worker delivers them while they are published.',
    '',
    ...formatRoundsTable(result.rounds),
    '',
    '| API phase | Result |',
    '|---|---|',
    `| GET /api/v1/webhooks/subscriptions (${options.connections} conn, ${options.listSeconds} s) | ${round(list.rps)} req/s, p50 ${round(list.p50Ms)} ms, p99 ${round(list.p99Ms)} ms, ${list.errors} errors |`,
    `| POST /api/v1/webhooks/events (${single.sent} single events, ${options.connections} conn) | ${round(single.rate)} events/s, p50 ${round(single.p50Ms)} ms, p99 ${round(single.p99Ms)} ms, statuses ${JSON.stringify(single.statuses)} |`,
    `| POST /api/v1/webhooks/events/batch | ${formatBatch(result.batchPublish)} |`,
    '',
    ...formatBacklog(result.backlog),
    '',
    `Peak RSS: web ${round(memory.web.peakRssMb)} MB, worker ${round(memory.worker.peakRssMb)} MB. Total run ${round(result.durationMs / 1_000)} s.`,
  ].join('\n')
}
