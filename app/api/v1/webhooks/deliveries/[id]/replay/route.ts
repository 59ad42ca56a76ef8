import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { respondOk } from '@/lib/api/respond'
import { findDelivery } from '@/lib/deliveries/findDelivery'
import { presentDeliveries } from '@/lib/deliveries/presentDelivery'
import { replayDelivery } from '@/lib/deliveries/replayDeliveries'

type Params = { id: string }

export const POST = handleApiRoute<Params>('operator', async ({ payload, user, params }) => {
  const id = parseIdParam(params.id, 'delivery')
  await replayDelivery(payload, await findDelivery(payload, id, user), new Date())
  const [presented] = await presentDeliveries(payload, [await findDelivery(payload, id, user)])
  return respondOk(presented, 202)
})
