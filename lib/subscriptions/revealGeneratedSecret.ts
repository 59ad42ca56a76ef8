// A secret generated for a subscription created in the admin is shown once, then forgotten.
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import { openSecret } from '@/lib/crypto/secretBox'
import type { Webhook } from '@/payload-types'

export async function revealGeneratedSecret(
  payload: Payload,
  subscription: Webhook,
): Promise<string> {
  const stored = await payload.findByID({
    collection: 'webhooks',
    id: subscription.id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  if (!stored.unrevealed_secret) {
    throw new ApiError('conflict', 'The secret was already shown once; rotate it to get a new one.')
  }
  await payload.update({
    collection: 'webhooks',
    id: subscription.id,
    overrideAccess: true,
    data: { unrevealed_secret: null, secret_reveal_pending: false },
  })
  return openSecret(stored.unrevealed_secret, payload.secret)
}
