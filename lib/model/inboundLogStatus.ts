// States of an inbound webhook log row.
export const INBOUND_LOG_STATUSES = [
  'received',
  'processing',
  'processed',
  'error',
  'rejected',
  'duplicate',
] as const
export type InboundLogStatus = (typeof INBOUND_LOG_STATUSES)[number]
