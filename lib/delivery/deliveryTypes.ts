// Shapes shared by publishing, the delivery store, the worker and the management API.
export type DocumentId = string | number

/** The body a delivery sends, built from its event and subscription; `metadata.retry_attempt` is added per attempt. */
export type DeliveryPayload = {
  event_type: string
  event_id: string
  timestamp: number
  webhook_id: string
  data: Record<string, unknown>
  metadata: Record<string, unknown>
}

export type AttemptRecord = {
  attempt: number
  attempted_at: string
  status_code: number | null
  duration_ms: number
  response_headers: Record<string, string>
  response_body: string
  error: string | null
}

/** A published event, stored once; its deliveries reference it by `eventId`. */
export type NewEvent = {
  eventId: string
  eventType: string
  /** `data.job_id` of job.* events, so a job's events and deliveries can be listed. */
  jobId: string | null
  data: Record<string, unknown>
  metadata: Record<string, unknown>
}

/** What one subscription is owed of an event: everything else comes from the event row. */
export type NewDelivery = {
  webhookId: DocumentId
  jobId: string | null
  eventId: string
  eventType: string
  messageId: string
  maxAttempts: number
  nextAttemptAt: Date
}

/** Events whose id was already stored are skipped with their deliveries (publishing is idempotent). */
export type InsertedEvents = { duplicateEventIds: string[]; deliveryIds: DocumentId[] }

export type ClaimedDelivery = {
  id: DocumentId
  webhookId: DocumentId | null
  eventId: string
  eventType: string
  messageId: string
  /** Null when the event is no longer stored: the attempt is recorded as dead, never sent empty. */
  payload: DeliveryPayload | null
  attemptCount: number
  maxAttempts: number
  createdAt: string
}

export type DeliveryOutcome = {
  id: DocumentId
  status: 'succeeded' | 'failed' | 'dead'
  attempt: AttemptRecord
  nextAttemptAt: Date | null
}
