// Messages between the bench and its receiver child process, over Node's IPC channel.

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now()
}

export type ReceiverCommand =
  { type: 'expect'; count: number } | { type: 'watch'; enabled: boolean }

export type ReceiverTally = {
  count: number
  unique: number
  firstAt: number
  lastAt: number
}

export type ReceiverReport =
  | { type: 'listening'; port: number }
  | ({ type: 'reached' } & ReceiverTally)
  | { type: 'arrival'; key: string; at: number }
