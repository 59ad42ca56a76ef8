// Shapes shared by publishing, the delivery store, the worker and the management API.
export type DocumentId = string | number

/** What a delivery carries; the body sent is built from it at each attempt. */
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

export type NewDelivery = {
  webhookId: DocumentId
  /** `data.job_id` of job.* events, so a job's deliveries can be listed. */
  jobId: string | null
  eventId: string
  eventType: string
  messageId: string
  payload: DeliveryPayload
  maxAttempts: number
  nextAttemptAt: Date
}

export type ClaimedDelivery = {
  id: DocumentId
  webhookId: DocumentId | null
  eventId: string
  eventType: string
  messageId: string
  payload: DeliveryPayload
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
