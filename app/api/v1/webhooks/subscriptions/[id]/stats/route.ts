import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { respondOk } from '@/lib/api/respond'
import { findSubscription } from '@/lib/subscriptions/findSubscription'
import { readSubscriptionStats } from '@/lib/subscriptions/readSubscriptionStats'

type Params = { id: string }

export const GET = handleApiRoute<Params>('viewer', async ({ payload, user, params }) => {
  const subscription = await findSubscription(
    payload,
    parseIdParam(params.id, 'subscription'),
    user,
  )
  return respondOk({
    webhook_id: String(subscription.id),
    ...(await readSubscriptionStats(payload, subscription.id)),
  })
})
