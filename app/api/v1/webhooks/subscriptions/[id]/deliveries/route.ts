import { z } from 'zod'

import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { paginationQuerySchema, toPage } from '@/lib/api/pagination'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { presentDelivery } from '@/lib/deliveries/presentDelivery'
import { DELIVERY_STATUSES } from '@/lib/model/deliveryStatus'
import { findSubscription } from '@/lib/subscriptions/findSubscription'

type Params = { id: string }

const querySchema = paginationQuerySchema.extend({ status: z.enum(DELIVERY_STATUSES).optional() })

export const GET = handleApiRoute<Params>('viewer', async ({ request, payload, user, params }) => {
  const subscription = await findSubscription(
    payload,
    parseIdParam(params.id, 'subscription'),
    user,
  )
  const query = parseSearchParams(request, querySchema)
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
  return respondOk(toPage(result, presentDelivery))
})
