// What a delivery format is: how one attempt's body and headers are built from the stored event.
import type { RetryConfig } from '@/lib/model/retryConfig'
import type { SigningSecrets } from '../buildDeliveryRequest'
import type { DeliveryPayload, DocumentId } from '../deliveryTypes'

export type DeliveryAttempt = {
  deliveryId: DocumentId
  /** Standard Webhooks' `webhook-id`: the event id, the same for every attempt and subscription. */
  messageId: string
  payload: DeliveryPayload
  /** Attempts made before this one: 0 on the first. */
  attemptCount: number
  subscriptionId: string
  secrets: SigningSecrets
  customHeaders: Record<string, string>
  now: Date
}

export type DeliveryFormat = {
  description: string
  /** Headers the format sets (lower case); a subscription's own headers may not use these names. */
  headerNames: readonly string[]
  /** The retry policy a subscription of this format gets when it sets none. */
  defaultRetryConfig?: RetryConfig
  build(attempt: DeliveryAttempt): { body: string; headers: Record<string, string> }
}

/** A subscription's headers, minus any that would override what the format sets. */
export function keepCustomHeaders(
  customHeaders: Record<string, string>,
  reservedNames: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(customHeaders).filter(([name]) => !reservedNames.has(name.toLowerCase())),
  )
}
