import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { findSubscription } from '@/lib/subscriptions/findSubscription'
import { rotateSubscriptionSecret } from '@/lib/subscriptions/saveSubscription'
import {
  rotateSecretInputSchema,
  SUBSCRIPTION_LIMITS,
} from '@/lib/subscriptions/subscriptionInputSchema'

type Params = { id: string }

export const POST = handleApiRoute<Params>('admin', async ({ request, payload, user, params }) => {
  const subscription = await findSubscription(
    payload,
    parseIdParam(params.id, 'subscription'),
    user,
  )
  const input = await parseJsonBody(request, rotateSecretInputSchema, {
    maxBytes: SUBSCRIPTION_LIMITS.bodyBytes,
  })
  const rotated = await rotateSubscriptionSecret(
    payload,
    subscription,
    user,
    new Date(),
    input.secret,
  )
  return respondOk({ webhook_id: String(subscription.id), ...rotated })
})
