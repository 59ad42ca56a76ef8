// Peak and current resident memory of a live process, from Linux's /proc/<pid>/status.
import { readFileSync } from 'node:fs'

export type MemoryReading = { peakRssMb: number; rssMb: number }

function readKilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  return match ? Number(match[1]) : Number.NaN
}

export function readPeakRss(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return {
    peakRssMb: readKilobytes(status, 'VmHWM') / 1024,
    rssMb: readKilobytes(status, 'VmRSS') / 1024,
  }
}
