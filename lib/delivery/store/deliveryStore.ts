// The few delivery operations that must be atomic across processes, behind one interface per database.
import type {
  ClaimedDelivery,
  DeliveryOutcome,
  DocumentId,
  InsertedEvents,
  NewDelivery,
  NewEvent,
} from '../deliveryTypes'

export type ClaimRequest = {
  workerId: string
  now: Date
  leaseMs: number
  limit: number
  /** Subscriptions at their concurrency limit in this worker: leave their deliveries for later. */
  excludeWebhookIds: DocumentId[]
  /** Rows a subscription may still take in this claim, by its id; others take up to `defaultRoom`. */
  roomPerSubscription?: Record<string, number>
  defaultRoom?: number
}

export type RequeueSelection = {
  ids?: DocumentId[]
  webhookId?: DocumentId
  statuses: ('succeeded' | 'failed' | 'dead')[]
  createdSince?: Date
}

export interface DeliveryStore {
  /**
   * Stores events once each, with the deliveries they are owed, in one write: all of them or none.
   * Events whose id is already stored are skipped with their deliveries. Delivery ids come in order.
   */
  insertEvents(events: NewEvent[], deliveries: NewDelivery[], now: Date): Promise<InsertedEvents>
  /** Leases due deliveries (and ones whose lease expired) to one worker; no row goes to two workers. */
  claimDueDeliveries(request: ClaimRequest): Promise<ClaimedDelivery[]>
  /** Records attempts of deliveries this worker still holds; returns how many it still held. */
  recordOutcomes(workerId: string, outcomes: DeliveryOutcome[], now: Date): Promise<number>
  /** Makes deliveries due now with at least one more attempt (replay); in-flight ones are left alone. */
  requeueDeliveries(selection: RequeueSelection, now: Date): Promise<DocumentId[]>
  /** Hands claimed deliveries back untouched, due now. */
  releaseDeliveries(workerId: string, ids: DocumentId[], now: Date): Promise<void>
  /**
   * Sets or clears when a subscription started failing every attempt: one column, written beside the
   * outcomes, because a Payload update rewrites the subscription's event types row by row.
   */
  setSubscriptionFailingSince(
    webhookId: DocumentId,
    failingSince: Date | null,
    now: Date,
  ): Promise<void>
}
