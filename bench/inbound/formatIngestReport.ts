// The ingest bench's markdown: medians per connection count and target, and same-round ratios.
import { median, round } from '../outbound/statistics'
import type { IngestTarget } from './startIngestTarget'

export type IngestRunResult = {
  target: IngestTarget
  connections: number
  round: number
  rps: number
  p50: number
  p99: number
  ok: number
  errors: number
  stored: number | null
  peakRssMb: number
}

const LABELS: Record<IngestTarget, string> = {
  hub: 'hub (npm start web process: node:http callback path, stores)',
  ceiling: 'ceiling (App Router route, verify-only)',
  floor: 'floor (bare node:http, verify + insert)',
}

/** Each ratio compares the hub with the other target's run of the same round. */
function sameRoundRatios(runs: IngestRunResult[], other: IngestTarget): number[] {
  return runs
    .filter((run) => run.target === 'hub')
    .map((hub) => {
      const peer = runs.find((run) => run.target === other && run.round === hub.round)
      return peer ? hub.rps / peer.rps : Number.NaN
    })
}

export function formatIngestReport(runs: IngestRunResult[], connectionsList: number[]): string {
  const lines = [
    '| connections | target | req/s (median) | per run | p50 ms | p99 ms | peak RSS MB | hub / this (per round) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const connections of connectionsList) {
    const atCount = runs.filter((run) => run.connections === connections)
    for (const target of Object.keys(LABELS) as IngestTarget[]) {
      const rows = atCount.filter((run) => run.target === target)
      if (rows.length === 0) continue
      const ratios = target === 'hub' ? [] : sameRoundRatios(atCount, target)
      const ratioCell =
        ratios.length > 0
          ? `**${round(median(ratios), 2)}** (${ratios.map((ratio) => round(ratio, 2)).join(', ')})`
          : ''
      lines.push(
        `| ${connections} | ${LABELS[target]} | ${Math.round(median(rows.map((r) => r.rps)))} | ${rows.map((r) => Math.round(r.rps)).join(', ')} | ${median(rows.map((r) => r.p50))} | ${median(rows.map((r) => r.p99))} | ${Math.round(median(rows.map((r) => r.peakRssMb)))} | ${ratioCell} |`,
      )
    }
  }
  return lines.join('\n')
}
