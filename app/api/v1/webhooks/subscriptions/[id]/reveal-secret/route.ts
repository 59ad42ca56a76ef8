import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { respondOk } from '@/lib/api/respond'
import { findSubscription } from '@/lib/subscriptions/findSubscription'
import { revealGeneratedSecret } from '@/lib/subscriptions/revealGeneratedSecret'

type Params = { id: string }

export const POST = handleApiRoute<Params>('admin', async ({ payload, user, params }) => {
  const subscription = await findSubscription(
    payload,
    parseIdParam(params.id, 'subscription'),
    user,
  )
  return respondOk({
    webhook_id: String(subscription.id),
    secret: await revealGeneratedSecret(payload, subscription),
  })
})
