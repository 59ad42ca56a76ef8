// `npm run bench:fanout`: one event to 1,000 and 10,000 matching subscriptions, each on a fresh database.
import { parseArgs } from 'node:util'

import { spawnTypeScript, waitForExit } from './childProcesses'
import { describeMachine } from './describeMachine'
import type { FanoutResult } from './measureFanout'
import { median, round } from './statistics'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    repetitions: { type: 'string', default: '5' },
  },
})

async function runOneSize(subscriptions: number): Promise<FanoutResult> {
  const child = spawnTypeScript('bench/outbound/fanoutProcess.ts', {
    args: ['--subscriptions', String(subscriptions), '--repetitions', values.repetitions],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await waitForExit(child)
  const line = output.split('\n').find((text) => text.startsWith('RESULT '))
  if (code !== 0 || !line) throw new Error(`fan-out of ${subscriptions} failed (${code})`)
  return JSON.parse(line.slice('RESULT '.length)) as FanoutResult
}

const machine = describeMachine()
const results: FanoutResult[] = []
for (const size of values.sizes.split(',').map(Number)) {
  console.log(`fan-out to ${size} subscriptions`)
  results.push(await runOneSize(size))
}

const lines = [
  `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}`,
  `Date: ${machine.date}`,
  '',
  '| matching subscriptions | first publish ms | cold median ms (max) | warm median ms (max) | repetitions | seeding s | peak RSS MB |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (result) =>
      `| ${result.subscriptions} | ${round(result.firstMs, 0)} | ${round(median(result.coldMs), 0)} (${round(Math.max(...result.coldMs), 0)}) | ${round(median(result.warmMs), 0)} (${round(Math.max(...result.warmMs), 0)}) | ${result.coldMs.length} | ${round(result.seedMs / 1000, 1)} | ${round(result.peakRssMb, 0)} |`,
  ),
]
console.log(`\n${lines.join('\n')}\n`)
console.log(`JSON ${JSON.stringify({ machine, results })}`)
