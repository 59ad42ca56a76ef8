import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { handleListSubscriptionsRoute } from '@/lib/subscriptions/handleListSubscriptionsRoute'
import { createSubscription } from '@/lib/subscriptions/saveSubscription'
import {
  subscriptionCreateSchema,
  SUBSCRIPTION_LIMITS,
} from '@/lib/subscriptions/subscriptionInputSchema'

export const GET = handleListSubscriptionsRoute

export const POST = handleApiRoute('admin', async ({ request, payload, user }) => {
  const input = await parseJsonBody(request, subscriptionCreateSchema, {
    maxBytes: SUBSCRIPTION_LIMITS.bodyBytes,
  })
  return respondOk(await createSubscription(payload, input, user), 201)
})
