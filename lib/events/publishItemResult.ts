// Reads a publishEvents result as the API answers it: the published event, or the ApiError it was refused with.
import { ApiError } from '@/lib/api/apiError'
import type { PublishedEvent } from './publishEvent'
import type { PublishItemResult } from './publishEvents'

export function toPublishedEvent(result: Extract<PublishItemResult, { ok: true }>): PublishedEvent {
  const { event_id, event_type, deliveries_created, delivery_ids, duplicate } = result
  return { event_id, event_type, deliveries_created, delivery_ids, duplicate }
}

export function toPublishItemError({ error }: Extract<PublishItemResult, { ok: false }>): ApiError {
  return new ApiError(error.code, error.message, error.issues)
}
