// CPU time a live process has used (user + system), from Linux's /proc/<pid>/stat.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

let ticksPerSecond: number | undefined

function readTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim())
    ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100
  }
  return ticksPerSecond
}

export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces and parentheses; the fields we want follow its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const userTicks = Number(fields[11])
  const systemTicks = Number(fields[12])
  return ((userTicks + systemTicks) * 1_000) / readTicksPerSecond()
}
