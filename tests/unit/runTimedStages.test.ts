import { describe, expect, it } from 'vitest'

import { formatDuration, runTimedStages } from '@/lib/process/runTimedStages'

const node = (name: string, code: number) => ({
  name,
  command: process.execPath,
  args: ['-e', `process.exit(${code})`],
})

describe('the npm test stage runner', () => {
  it('stops at the first failing stage and reports every stage with its duration', async () => {
    const lines: string[] = []
    const results = await runTimedStages(
      [node('first', 0), node('second', 3), node('third', 0)],
      (line) => lines.push(line),
    )
    expect(results.map((result) => [result.name, result.outcome])).toEqual([
      ['first', 'passed'],
      ['second', 'failed'],
      ['third', 'not run'],
    ])
    const log = lines.join('\n')
    expect(log).toMatch(/✔ first passed in \d+ s/)
    expect(log).toMatch(/✘ second failed in \d+ s/)
    expect(log).toMatch(/ {2}third +not run\n/)
    expect(log).toMatch(/ {2}total +\d+ s$/)
  })

  it('writes durations in minutes and seconds', () => {
    expect(formatDuration(4_400)).toBe('4 s')
    expect(formatDuration(754_000)).toBe('12 min 34 s')
  })
})
