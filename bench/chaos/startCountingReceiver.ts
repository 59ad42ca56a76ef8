// The scenario's handle on its counting receiver child: live tallies and the full per-delivery counts.
import { readFileSync } from 'node:fs'

import { spawnTypeScript, stopChild } from '../outbound/childProcesses'
import type { CountingCommand, CountingReport } from './countingReceiverProcess'
import { trackChild } from './trackChildren'

export type CountingReceiver = {
  url: string
  tally(): Promise<{ requests: number; unique: number }>
  /** Requests per delivery key, read through a file: 100,000 keys are too many for one IPC message. */
  countsPerDelivery(file: string): Promise<Map<string, number>>
  stop(): Promise<void>
}

export async function startCountingReceiver(): Promise<CountingReceiver> {
  const child = trackChild(spawnTypeScript('bench/chaos/countingReceiverProcess.ts', { ipc: true }))
  const waiting: Array<(report: CountingReport) => void> = []
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`receiver exited (${code}) before listening`)))
    child.on('message', (report: CountingReport) => {
      if (report.type === 'listening') resolve(report.port)
      else waiting.shift()?.(report)
    })
  })
  const ask = (command: CountingCommand) =>
    new Promise<CountingReport>((resolve) => {
      waiting.push(resolve)
      child.send(command)
    })

  return {
    url: `http://127.0.0.1:${port}`,
    async tally() {
      const report = await ask({ type: 'tally' })
      if (report.type !== 'tally') throw new Error(`unexpected receiver report ${report.type}`)
      return { requests: report.requests, unique: report.unique }
    },
    async countsPerDelivery(file) {
      await ask({ type: 'dump', file })
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>
      return new Map(Object.entries(parsed))
    },
    async stop() {
      child.disconnect()
      await stopChild(child, 2_000)
    },
  }
}
