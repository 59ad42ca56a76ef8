import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { toPage } from '@/lib/api/pagination'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { listDeliveriesQuerySchema } from '@/lib/deliveries/listDeliveriesQuery'
import { presentDeliveries } from '@/lib/deliveries/presentDelivery'
import { findSubscription } from '@/lib/subscriptions/findSubscription'

type Params = { id: string }

export const GET = handleApiRoute<Params>('viewer', async ({ request, payload, user, params }) => {
  const subscription = await findSubscription(
    payload,
    parseIdParam(params.id, 'subscription'),
    user,
  )
  const query = parseSearchParams(request, listDeliveriesQuerySchema)
  const result = await payload.find({
    collection: 'webhook-deliveries',
    where: {
      and: [
        { webhook: { equals: subscription.id } },
        ...(query.status ? [{ status: { equals: query.status } }] : []),
      ],
    },
    sort: '-createdAt',
    page: query.page,
    limit: query.limit,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const items = await presentDeliveries(payload, result.docs)
  return respondOk({ ...toPage(result, (doc) => doc), items })
})
