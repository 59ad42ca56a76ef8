// GET /api/v1/webhooks/subscriptions, shared by the App Router route and the web process's fast path.
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { toPage } from '@/lib/api/pagination'
import { parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { buildSubscriptionsWhere, listSubscriptionsQuerySchema } from './listSubscriptionsQuery'
import { presentSubscription } from './presentSubscription'

export const handleListSubscriptionsRoute = handleApiRoute(
  'viewer',
  async ({ request, payload, user }) => {
    const query = parseSearchParams(request, listSubscriptionsQuerySchema)
    const result = await payload.find({
      collection: 'webhooks',
      where: await buildSubscriptionsWhere(payload, query),
      page: query.page,
      limit: query.limit,
      sort: '-createdAt',
      depth: 0,
      user,
      overrideAccess: false,
    })
    return respondOk(toPage(result, presentSubscription))
  },
)
