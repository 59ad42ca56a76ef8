// The facts about this machine that every published figure must be read against.
import { readFileSync } from 'node:fs'
import os from 'node:os'

export type MachineDescription = {
  cpus: number
  cpuModel: string
  memoryGb: number
  node: string
  kernel: string
  date: string
}

function readCpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    return match ? match[1].trim() : (os.cpus()[0]?.model ?? 'unknown')
  } catch {
    return os.cpus()[0]?.model ?? 'unknown'
  }
}

export function describeMachine(): MachineDescription {
  return {
    cpus: os.availableParallelism(),
    cpuModel: readCpuModel(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
  }
}
