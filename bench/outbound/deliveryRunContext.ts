// What every delivery run is given, for the hub and the BullMQ peer alike.
import type { SeededSubscription } from './seedSubscriptions'
import type { WorkerTuning } from './spawnHubWorker'
import type { ReceiverHandle } from './startReceiverProcess'

export type DeliveryRunContext = {
  receiver: ReceiverHandle
  subscriptions: SeededSubscription[]
  deliveries: number
  tuning: WorkerTuning
  workers: number
  round: number
  /** Share of first attempts the receiver answers 500. */
  failFraction: number
  /** Deliveries per second the publisher paces itself to; 0 publishes as fast as it can. */
  publishRate: number
  label: string
  timeoutMs: number
  cpuProfileDir?: string
}

export function eventsFor(context: DeliveryRunContext): number {
  return Math.ceil(context.deliveries / context.subscriptions.length)
}
