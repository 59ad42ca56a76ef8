// The bench's handle on its arrival receiver child: counts, single arrivals, and all arrivals of a run.
import { readFileSync } from 'node:fs'

import { trackChild } from '../chaos/trackChildren'
import { spawnTypeScript, stopChild } from '../outbound/childProcesses'
import type { ArrivalCommand, ArrivalReport } from './arrivalReceiverProcess'

export type ArrivalReceiver = {
  url: string
  pid: number
  count(prefix: string): Promise<{ unique: number; requests: number; unreadable: number }>
  arrivalOf(key: string): Promise<number | null>
  /** First arrival per key, through a file: thousands of keys are too many for one IPC message. */
  arrivals(prefix: string, file: string): Promise<Map<string, number>>
  stop(): Promise<void>
}

export async function startArrivalReceiver(): Promise<ArrivalReceiver> {
  const child = trackChild(spawnTypeScript('bench/flow/arrivalReceiverProcess.ts', { ipc: true }))
  child.stdout?.resume()
  const waiting: Array<(report: ArrivalReport) => void> = []
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('receiver did not listen within 30 s')), 30_000)
    child.once('exit', (code) => reject(new Error(`receiver exited (${code}) before listening`)))
    child.on('message', (report: ArrivalReport) => {
      if (report.type === 'listening') {
        clearTimeout(timer)
        resolve(report.port)
      } else waiting.shift()?.(report)
    })
  })
  const ask = <T extends ArrivalReport['type']>(command: ArrivalCommand, expected: T) =>
    new Promise<Extract<ArrivalReport, { type: T }>>((resolve, reject) => {
      waiting.push((report) => {
        if (report.type === expected) resolve(report as Extract<ArrivalReport, { type: T }>)
        else reject(new Error(`receiver answered ${report.type}, expected ${expected}`))
      })
      child.send(command)
    })

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    pid: child.pid ?? 0,
    async count(prefix) {
      const { unique, requests, unreadable } = await ask({ type: 'count', prefix }, 'count')
      return { unique, requests, unreadable }
    },
    async arrivalOf(key) {
      return (await ask({ type: 'arrival', key }, 'arrival')).at
    },
    async arrivals(prefix, file) {
      await ask({ type: 'dump', prefix, file }, 'dumped')
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>
      return new Map(Object.entries(parsed))
    },
    async stop() {
      child.disconnect()
      await stopChild(child, 2_000)
    },
  }
}
