import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { handleListSubscriptionsRoute } from '@/lib/subscriptions/handleListSubscriptionsRoute'
import { createSubscription } from '@/lib/subscriptions/saveSubscription'
import { subscriptionCreateSchema } from '@/lib/subscriptions/subscriptionInputSchema'

export const GET = handleListSubscriptionsRoute

export const POST = handleApiRoute('admin', async ({ request, payload, user }) => {
  const input = await parseJsonBody(request, subscriptionCreateSchema)
  return respondOk(await createSubscription(payload, input, user), 201)
})
