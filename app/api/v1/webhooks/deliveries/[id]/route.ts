import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { respondOk } from '@/lib/api/respond'
import { findDelivery } from '@/lib/deliveries/findDelivery'
import { presentDeliveries } from '@/lib/deliveries/presentDelivery'

type Params = { id: string }

export const GET = handleApiRoute<Params>('viewer', async ({ payload, user, params }) => {
  const delivery = await findDelivery(payload, parseIdParam(params.id, 'delivery'), user)
  const [presented] = await presentDeliveries(payload, [delivery])
  return respondOk(presented)
})
