// What each chaos scenario reports, and how its process ends: JSON to --out, exit code 1 on any loss.
import { writeFileSync } from 'node:fs'

export type Figure = number | string | boolean | null

export type ScenarioResult = {
  scenario: string
  size: string
  passed: boolean
  durationMs: number
  /** Each check that decides the verdict, by name. */
  checks: Record<string, boolean>
  figures: Record<string, Figure>
  notes: string[]
}

export function finishScenario(result: ScenarioResult, out: string | undefined): never {
  const failed = Object.entries(result.checks).filter(([, ok]) => !ok)
  const verdict = result.passed ? 'PASS' : `FAIL (${failed.map(([name]) => name).join(', ')})`
  console.log(`[chaos] ${result.scenario}: ${verdict}`)
  console.log(JSON.stringify(result, null, 2))
  if (out) writeFileSync(out, JSON.stringify(result, null, 2))
  process.exit(result.passed ? 0 : 1)
}

export function decide(checks: Record<string, boolean>): boolean {
  return Object.values(checks).every(Boolean)
}
