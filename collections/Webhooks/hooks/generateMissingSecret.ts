// A subscription created in the admin gets a generated secret, kept aside until it is revealed once.
import type { CollectionBeforeValidateHook } from 'payload'

import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import { secretHint } from '@/lib/subscriptions/secretHint'

export const generateMissingSecret: CollectionBeforeValidateHook = ({ data, operation }) => {
  if (operation !== 'create' || !data || data.secret) return data
  const secret = generateWebhookSecret()
  return {
    ...data,
    secret,
    secret_hint: secretHint(secret),
    unrevealed_secret: secret,
    secret_reveal_pending: true,
  }
}
