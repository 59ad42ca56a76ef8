// The chaos run's summary: one Markdown row per scenario with its verdict, duration and key figures.
import { round } from '../outbound/statistics'
import type { ScenarioResult } from './scenarioResult'

const KEY_FIGURES: Record<string, string[]> = {
  'worker-sigkill': [
    'deliveries',
    'kills',
    'missing',
    'duplicates',
    'duplicatePercent',
    'duplicateTargetMet',
  ],
  'web-sigkill': ['acknowledged', 'kills', 'missing', 'stored', 'unacknowledged'],
  'hostile-receivers': ['medianBaseline', 'medianWithHostile', 'ratio', 'hostileRequests'],
  'fuzz-inbound': ['requests', 'seed', 'serverErrors', 'accepted', 'logsNotRejected', 'statuses'],
}

export function formatChaosSummary(results: ScenarioResult[], totalMs: number): string {
  const lines = ['| scenario | verdict | seconds | figures |', '| --- | --- | --- | --- |']
  for (const result of results) {
    const failed = Object.entries(result.checks)
      .filter(([, ok]) => !ok)
      .map(([name]) => name)
    const verdict = result.passed ? 'PASS' : `**FAIL** (${failed.join(', ')})`
    const figures = (KEY_FIGURES[result.scenario] ?? Object.keys(result.figures))
      .filter((name) => name in result.figures)
      .map((name) => `${name} ${result.figures[name]}`)
      .join('; ')
    lines.push(
      `| ${result.scenario} | ${verdict} | ${round(result.durationMs / 1000, 1)} | ${figures.replaceAll('|', '\\|')} |`,
    )
  }
  lines.push('', `Total: ${round(totalMs / 1000, 1)} s`)
  return lines.join('\n')
}
