// The public shape of an inbound log row.
import type { WebhookLog } from '@/payload-types'

export function presentInboundLog(log: WebhookLog) {
  return {
    id: String(log.id),
    source: log.source,
    status: log.status,
    verified: log.verified ?? false,
    rejection_reason: log.rejection_reason ?? null,
    event_type: log.event_type ?? null,
    external_job_id: log.external_job_id ?? null,
    job_id: log.job == null ? null : String(typeof log.job === 'object' ? log.job.id : log.job),
    dedupe_key: log.dedupe_key ?? null,
    source_ip: log.source_ip ?? null,
    received_at: log.received_at,
    processed_at: log.processed_at ?? null,
    error_message: log.error_message ?? null,
    headers: log.headers ?? {},
    raw_body: log.raw_body ?? null,
    raw_body_base64: log.raw_body_base64 ?? null,
    raw_body_size: log.raw_body_size ?? null,
    normalized: log.normalized ?? null,
  }
}
