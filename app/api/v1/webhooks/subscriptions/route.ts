import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { toPage } from '@/lib/api/pagination'
import { parseJsonBody, parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import {
  buildSubscriptionsWhere,
  listSubscriptionsQuerySchema,
} from '@/lib/subscriptions/listSubscriptionsQuery'
import { presentSubscription } from '@/lib/subscriptions/presentSubscription'
import { createSubscription } from '@/lib/subscriptions/saveSubscription'
import { subscriptionCreateSchema } from '@/lib/subscriptions/subscriptionInputSchema'

export const GET = handleApiRoute('viewer', async ({ request, payload, user }) => {
  const query = parseSearchParams(request, listSubscriptionsQuerySchema)
  const result = await payload.find({
    collection: 'webhooks',
    where: buildSubscriptionsWhere(query),
    page: query.page,
    limit: query.limit,
    sort: '-createdAt',
    depth: 0,
    user,
    overrideAccess: false,
  })
  return respondOk(toPage(result, presentSubscription))
})

export const POST = handleApiRoute('admin', async ({ request, payload, user }) => {
  const input = await parseJsonBody(request, subscriptionCreateSchema)
  return respondOk(await createSubscription(payload, input, user), 201)
})
