import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { recoverFailedDeliveries } from '@/lib/deliveries/replayDeliveries'
import { findSubscription } from '@/lib/subscriptions/findSubscription'
import {
  recoverInputSchema,
  SUBSCRIPTION_LIMITS,
} from '@/lib/subscriptions/subscriptionInputSchema'

type Params = { id: string }

export const POST = handleApiRoute<Params>(
  'operator',
  async ({ request, payload, user, params }) => {
    const subscription = await findSubscription(
      payload,
      parseIdParam(params.id, 'subscription'),
      user,
    )
    const { since } = await parseJsonBody(request, recoverInputSchema, {
      maxBytes: SUBSCRIPTION_LIMITS.bodyBytes,
    })
    const replayed = await recoverFailedDeliveries(
      payload,
      subscription.id,
      new Date(since),
      new Date(),
    )
    return respondOk({ webhook_id: String(subscription.id), since, replayed })
  },
)
