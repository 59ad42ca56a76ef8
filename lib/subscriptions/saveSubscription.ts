// Creating and changing subscriptions; the secret is generated when not given and returned only here.
// The webhooks collection validates every write (validateSubscriptionWrite), these included.
import type { Payload } from 'payload'

import { openSecret } from '@/lib/crypto/secretBox'
import type { User, Webhook } from '@/payload-types'
import { getDeliveryFormat } from '@/lib/delivery/formats/deliveryFormats'
import { DEFAULT_RETRY_CONFIG } from '@/lib/model/retryConfig'
import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import { presentSubscription } from './presentSubscription'
import { secretHint } from './secretHint'
import type { SubscriptionCreateInput, SubscriptionPatchInput } from './subscriptionInputSchema'

export async function createSubscription(
  payload: Payload,
  input: SubscriptionCreateInput,
  user: User,
) {
  const secret = input.secret ?? generateWebhookSecret()
  const created = await payload.create({
    collection: 'webhooks',
    user,
    overrideAccess: false,
    data: {
      ...input,
      retry_config: {
        ...DEFAULT_RETRY_CONFIG,
        ...getDeliveryFormat(input.format).defaultRetryConfig,
        ...input.retry_config,
      },
      secret,
      secret_hint: secretHint(secret),
    },
  })
  return { ...presentSubscription(created), secret }
}

export async function updateSubscription(
  payload: Payload,
  existing: Webhook,
  { secret, ...changes }: SubscriptionPatchInput,
  user: User,
) {
  const updated = await payload.update({
    collection: 'webhooks',
    id: existing.id,
    user,
    overrideAccess: false,
    data: {
      ...changes,
      ...(changes.filters ? { filters: { ...existing.filters, ...changes.filters } } : {}),
      ...(changes.retry_config
        ? { retry_config: { ...existing.retry_config, ...changes.retry_config } }
        : {}),
    },
  })
  // After the other fields, so that a change refused (a blocked URL, say) leaves the secret as it was.
  if (secret === undefined || secret === (await readCurrentSecret(payload, existing))) {
    return presentSubscription(updated)
  }
  await rotateSubscriptionSecret(payload, existing, user, new Date(), secret)
  return presentSubscription(
    await payload.findByID({ collection: 'webhooks', id: existing.id, depth: 0, user }),
  )
}

async function readCurrentSecret(payload: Payload, subscription: Webhook): Promise<string> {
  const stored = await payload.findByID({
    collection: 'webhooks',
    id: subscription.id,
    overrideAccess: true,
    showHiddenFields: true,
    depth: 0,
  })
  return openSecret(stored.secret, payload.secret)
}

export async function rotateSubscriptionSecret(
  payload: Payload,
  existing: Webhook,
  user: User,
  now: Date,
  newSecret = generateWebhookSecret(),
) {
  const current = await payload.findByID({
    collection: 'webhooks',
    id: existing.id,
    overrideAccess: true,
    showHiddenFields: true,
    depth: 0,
  })
  const previousExpiresAt = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString()
  await payload.update({
    collection: 'webhooks',
    id: existing.id,
    user,
    overrideAccess: false,
    data: {
      secret: newSecret,
      secret_hint: secretHint(newSecret),
      previous_secret: current.secret,
      previous_secret_expires_at: previousExpiresAt,
    },
  })
  return { secret: newSecret, previous_secret_expires_at: previousExpiresAt }
}
