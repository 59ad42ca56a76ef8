// Durable, de-duplicated writes of inbound log rows, one implementation per database adapter.
import type { DocumentId } from '@/lib/delivery/deliveryTypes'

export type NewInboundLog = {
  source: string
  status: 'received' | 'rejected'
  verified: boolean
  rejectionReason: string | null
  rawBody: string | null
  headers: Record<string, string>
  sourceIp: string | null
  receivedAt: Date
  /** Unique per source: the provider's event key, or a random filler for rows that have none. */
  dedupeKey: string
  eventType: string | null
  externalJobId: string | null
  /** Our job id as the callback URL gave it; checked when the log is processed. */
  pathJobId: string | null
}

/** `duplicateOf` is set when the key was already stored: this row was logged as a duplicate of that one. */
export type InsertedInboundLog = { id: DocumentId; duplicateOf: DocumentId | null }

export type LogClaimRequest = { workerId: string; now: Date; leaseMs: number; limit: number }

export interface InboundLogStore {
  insertLogs(rows: NewInboundLog[]): Promise<InsertedInboundLog[]>
  /** Leases stored-but-unprocessed logs (and ones whose lease expired) to one worker, oldest first. */
  claimReceivedLogs(request: LogClaimRequest): Promise<DocumentId[]>
}
