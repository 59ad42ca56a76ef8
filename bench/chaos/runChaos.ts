// `npm run bench:chaos`: every chaos scenario, each in its own process and database, then one summary.
// --size ci (default, < 5 min) or full (the sizes, by hand); --out FILE for the JSON results;
// --seed N for the fuzzer; --only a,b to run some; --skip-build to fail rather than build.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { REPO_ROOT } from '../outbound/childProcesses'
import { describeMachine } from '../outbound/describeMachine'
import { readChaosOptions } from './chaosOptions'
import { ensureBuild } from './ensureBuild'
import { formatChaosSummary } from './formatChaosSummary'
import type { ScenarioResult } from './scenarioResult'

const SCENARIOS: Record<string, string> = {
  'worker-sigkill': 'bench/chaos/workerKillChaos.ts',
  'web-sigkill': 'bench/chaos/webKillChaos.ts',
  'hostile-receivers': 'bench/chaos/hostileReceiversChaos.ts',
  'fuzz-inbound': 'bench/chaos/fuzzInboundChaos.ts',
}

const options = readChaosOptions()
const { values } = parseArgs({
  strict: false,
  options: { only: { type: 'string' }, 'skip-build': { type: 'boolean', default: false } },
})
const names = typeof values.only === 'string' ? values.only.split(',') : Object.keys(SCENARIOS)
const unknown = names.filter((name) => !(name in SCENARIOS))
if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}`)
ensureBuild(values['skip-build'] === true)

/** Its own process group, so that whatever it leaves behind can be killed with it. */
function runScenario(name: string, out: string): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      SCENARIOS[name],
      '--size',
      options.size,
      '--seed',
      String(options.seed),
      '--out',
      out,
      '--skip-build',
    ],
    { cwd: REPO_ROOT, stdio: 'inherit', detached: true },
  )
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // The group is already empty.
    }
  }
  process.once('exit', killGroup)
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      killGroup()
      process.off('exit', killGroup)
      resolve(code)
    }),
  )
}

const resultsDirectory = mkdtempSync(path.join(tmpdir(), 'webhook-hub-chaos-'))
const results: ScenarioResult[] = []
const startedAt = Date.now()
for (const name of names) {
  console.log(`\n[chaos] ===== ${name} (${options.size}) =====`)
  const out = path.join(resultsDirectory, `${name}.json`)
  const began = Date.now()
  const code = await runScenario(name, out)
  results.push(
    existsSync(out)
      ? (JSON.parse(readFileSync(out, 'utf8')) as ScenarioResult)
      : {
          scenario: name,
          size: options.size,
          passed: false,
          durationMs: Date.now() - began,
          checks: { finished: false },
          figures: { exitCode: code },
          notes: ['the scenario crashed before reporting; see its output above'],
        },
  )
}
rmSync(resultsDirectory, { recursive: true, force: true })

const totalMs = Date.now() - startedAt
console.log(`\n${formatChaosSummary(results, totalMs)}`)
if (typeof options.out === 'string') {
  const report = {
    size: options.size,
    seed: options.seed,
    totalMs,
    machine: describeMachine(),
    results,
  }
  writeFileSync(options.out, JSON.stringify(report, null, 2))
  console.log(`[chaos] results written to ${options.out}`)
}
process.exit(results.every((result) => result.passed) ? 0 : 1)
