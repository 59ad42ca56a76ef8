// Life cycle of one outbound delivery.
export const DELIVERY_STATUSES = ['pending', 'in_flight', 'succeeded', 'failed', 'dead'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** Deliveries still owed to their receiver: waiting for a first attempt or for a retry. */
export const QUEUED_DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'failed', 'in_flight']
