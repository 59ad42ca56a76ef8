// The worker's view of subscriptions: target, opened secrets, headers, retry policy; refreshed every few seconds.
import type { Payload } from 'payload'

import { openSecret } from '@/lib/crypto/secretBox'
import { openSealedHeaders } from '@/lib/subscriptions/sealedHeaders'
import { DEFAULT_RETRY_CONFIG, type RetryConfig } from '@/lib/model/retryConfig'
import type { Webhook } from '@/payload-types'
import type { SigningSecrets } from './buildDeliveryRequest'
import type { DocumentId } from './deliveryTypes'
import type { DeliveryFormatName } from './formats/deliveryFormats'

export type DeliveryTarget = {
  id: DocumentId
  url: string
  format: DeliveryFormatName | null
  active: boolean
  disabledReason: string | null
  secrets: SigningSecrets
  headers: Record<string, string>
  retryConfig: RetryConfig
  failingSince: Date | null
  disableAfterFailingMs: number
}

const REFRESH_MS = 2_000

export function toDeliveryTarget(doc: Webhook, masterSecret: string, now: Date): DeliveryTarget {
  const previousInForce =
    doc.previous_secret &&
    doc.previous_secret_expires_at &&
    Date.parse(doc.previous_secret_expires_at) > now.getTime()
  return {
    id: doc.id,
    url: doc.url,
    format: doc.format ?? null,
    active: doc.active ?? true,
    disabledReason: doc.disabled_reason ?? null,
    secrets: {
      current: openSecret(doc.secret, masterSecret),
      previous:
        previousInForce && doc.previous_secret
          ? openSecret(doc.previous_secret, masterSecret)
          : null,
    },
    headers: openSealedHeaders(doc.sealed_headers, masterSecret),
    retryConfig: {
      max_attempts: doc.retry_config?.max_attempts ?? DEFAULT_RETRY_CONFIG.max_attempts,
      initial_delay_ms: doc.retry_config?.initial_delay_ms ?? DEFAULT_RETRY_CONFIG.initial_delay_ms,
      backoff_multiplier:
        doc.retry_config?.backoff_multiplier ?? DEFAULT_RETRY_CONFIG.backoff_multiplier,
      max_delay_ms: doc.retry_config?.max_delay_ms ?? DEFAULT_RETRY_CONFIG.max_delay_ms,
    },
    failingSince: doc.failing_since ? new Date(doc.failing_since) : null,
    disableAfterFailingMs: doc.disable_after_failing_ms ?? 5 * 24 * 60 * 60 * 1000,
  }
}

export type SubscriptionDirectory = {
  get(id: DocumentId): Promise<DeliveryTarget | null>
  forget(id: DocumentId): void
}

export function createSubscriptionDirectory(
  payload: Payload,
  now: () => Date,
): SubscriptionDirectory {
  const entries = new Map<string, { loadedAt: number; target: Promise<DeliveryTarget | null> }>()

  const load = async (id: DocumentId): Promise<DeliveryTarget | null> => {
    const docs = await payload.find({
      collection: 'webhooks',
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    const doc = docs.docs[0]
    return doc ? toDeliveryTarget(doc, payload.secret, now()) : null
  }

  return {
    get(id) {
      const key = String(id)
      const cached = entries.get(key)
      if (cached && now().getTime() - cached.loadedAt < REFRESH_MS) return cached.target
      const target = load(id)
      entries.set(key, { loadedAt: now().getTime(), target })
      target.catch(() => entries.delete(key))
      return target
    },
    forget(id) {
      entries.delete(String(id))
    },
  }
}
