import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { respondOk } from '@/lib/api/respond'
import { findDelivery } from '@/lib/deliveries/findDelivery'
import { presentDelivery } from '@/lib/deliveries/presentDelivery'
import { replayDelivery } from '@/lib/deliveries/replayDeliveries'

type Params = { id: string }

export const POST = handleApiRoute<Params>('operator', async ({ payload, user, params }) => {
  const id = parseIdParam(params.id, 'delivery')
  await replayDelivery(payload, await findDelivery(payload, id, user), new Date())
  return respondOk(presentDelivery(await findDelivery(payload, id, user)), 202)
})
