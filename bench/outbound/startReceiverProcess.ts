// The bench's handle on its receiver child: its URL, a wait for N deliveries, and per-request arrivals.
import type { ChildProcess } from 'node:child_process'

import { spawnTypeScript, stopChild } from './childProcesses'
import type { ReceiverCommand, ReceiverReport, ReceiverTally } from './receiverProtocol'

export type ReceiverHandle = {
  url: string
  pid: number
  /** Resets the tally; resolves once `count` distinct deliveries were answered 2xx since. */
  expect(
    count: number,
    options: { timeoutMs: number; failFraction?: number },
  ): { reached: Promise<ReceiverTally> }
  watchArrivals(onArrival: ((key: string, at: number) => void) | null): void
  stop(): Promise<void>
}

export async function startReceiverProcess(): Promise<ReceiverHandle> {
  const child: ChildProcess = spawnTypeScript('bench/outbound/receiverProcess.ts', { ipc: true })
  const command = (message: ReceiverCommand) => child.send(message)
  let onReached: ((tally: ReceiverTally) => void) | undefined
  let onArrival: ((key: string, at: number) => void) | null = null

  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`receiver exited (${code}) before listening`)))
    child.on('message', (report: ReceiverReport) => {
      if (report.type === 'listening') resolve(report.port)
      else if (report.type === 'reached') onReached?.(report)
      else onArrival?.(report.key, report.at)
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    expect(count, { timeoutMs, failFraction = 0 }) {
      command({ type: 'expect', count, failFraction })
      const reached = new Promise<ReceiverTally>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver did not get ${count} deliveries in ${timeoutMs} ms`)),
          timeoutMs,
        )
        timer.unref()
        onReached = (tally) => {
          clearTimeout(timer)
          resolve(tally)
        }
      })
      return { reached }
    },
    watchArrivals(callback) {
      onArrival = callback
      command({ type: 'watch', enabled: callback !== null })
    },
    async stop() {
      child.disconnect()
      await stopChild(child, 2_000)
    },
  }
}
