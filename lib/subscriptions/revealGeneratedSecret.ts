// A secret generated for a subscription created in the admin is shown once, then forgotten.
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import { openSecret } from '@/lib/crypto/secretBox'
import type { Webhook } from '@/payload-types'
import { takeUnrevealedSecret } from './store/takeUnrevealedSecret'

export async function revealGeneratedSecret(
  payload: Payload,
  subscription: Webhook,
): Promise<string> {
  const sealed = await takeUnrevealedSecret(payload, subscription.id)
  if (sealed === null) {
    throw new ApiError('conflict', 'The secret was already shown once; rotate it to get a new one.')
  }
  return openSecret(sealed, payload.secret)
}
