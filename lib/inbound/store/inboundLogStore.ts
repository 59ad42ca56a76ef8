// Durable, de-duplicated writes of inbound log rows, one implementation per database adapter.
import type { DocumentId } from '@/lib/delivery/deliveryTypes'
import type { NormalizedJobUpdate } from '../normalizedJobUpdate'

export type NewInboundLog = {
  source: string
  status: 'received' | 'rejected'
  verified: boolean
  rejectionReason: string | null
  rawBody: string | null
  /** The exact bytes when `rawBody` (decoded as UTF-8) is not them (lib/inbound/storedBody). */
  rawBodyBase64: string | null
  rawBodySize: number | null
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

/** What processing needs of a stored callback. */
export type ClaimedLog = {
  id: DocumentId
  source: string
  rawBody: string | null
  rawBodyBase64: string | null
  dedupeKey: string
  eventType: string | null
  externalJobId: string | null
  pathJobId: string | null
  jobId: DocumentId | null
  receivedAt: string
}

/** How processing one log ended; `processing_attempts` grows by one with each. */
export type LogOutcome = {
  id: DocumentId
  status: 'processed' | 'error'
  error: string | null
  normalized: NormalizedJobUpdate | null
  jobId: DocumentId | null
}

export interface InboundLogStore {
  insertLogs(rows: NewInboundLog[]): Promise<InsertedInboundLog[]>
  /** Leases stored-but-unprocessed logs (and ones whose lease expired) to one worker, oldest first. */
  claimLogs(request: LogClaimRequest): Promise<ClaimedLog[]>
  /** Records outcomes and releases the leases, in one write. */
  recordLogOutcomes(outcomes: LogOutcome[], now: Date): Promise<void>
}
