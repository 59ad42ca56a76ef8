// Runs commands one after another, stopping at the first failure, and reports how long each took, so a
// CI log says which stage was slow or failed without anyone reading timestamps.
import { runToCompletion, type SupervisedCommand } from '@/lib/process/superviseProcesses'

export type StageResult = { name: string; outcome: 'passed' | 'failed' | 'not run'; ms: number }

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

export function formatStageSummary(results: StageResult[]): string {
  const width = Math.max(...results.map((result) => result.name.length))
  const total = results.reduce((sum, result) => sum + result.ms, 0)
  return [
    '[test] stages:',
    ...results.map((result) =>
      `  ${result.name.padEnd(width)}  ${result.outcome.padEnd(7)}  ${result.outcome === 'not run' ? '' : formatDuration(result.ms)}`.trimEnd(),
    ),
    `  ${'total'.padEnd(width)}  ${''.padEnd(7)}  ${formatDuration(total)}`,
  ].join('\n')
}

export async function runTimedStages(
  stages: SupervisedCommand[],
  log: (line: string) => void = console.log,
): Promise<StageResult[]> {
  const results: StageResult[] = []
  let failed = false
  for (const stage of stages) {
    if (failed) {
      results.push({ name: stage.name, outcome: 'not run', ms: 0 })
      continue
    }
    log(`\n[test] ▶ ${stage.name}: ${[stage.command, ...stage.args].join(' ')}`)
    const started = performance.now()
    try {
      await runToCompletion(stage)
      results.push({ name: stage.name, outcome: 'passed', ms: performance.now() - started })
    } catch {
      failed = true
      results.push({ name: stage.name, outcome: 'failed', ms: performance.now() - started })
    }
    const last = results[results.length - 1]
    log(
      `[test] ${last.outcome === 'passed' ? '✔' : '✘'} ${stage.name} ${last.outcome} in ${formatDuration(last.ms)}`,
    )
  }
  log(`\n${formatStageSummary(results)}`)
  return results
}
