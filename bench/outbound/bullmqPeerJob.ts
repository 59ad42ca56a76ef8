// What the BullMQ peer queues per delivery: the same payload the hub stores, and the target it goes to.
import type { DeliveryPayload } from '@/lib/delivery/deliveryTypes'

export const PEER_QUEUE_NAME = 'bench-deliveries'

export type PeerJobData = {
  subscriptionId: string
  messageId: string
  eventId: string
  eventType: string
  payload: DeliveryPayload
}

/** The peer's stand-in for the hub's subscription directory: id → URL and plain secret. */
export type PeerTargets = Record<string, { url: string; secret: string }>
