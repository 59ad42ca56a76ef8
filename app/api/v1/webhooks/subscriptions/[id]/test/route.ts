import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseJsonBody } from '@/lib/api/parseInput'
import { SUBSCRIPTION_LIMITS } from '@/lib/subscriptions/subscriptionInputSchema'
import { respondOk } from '@/lib/api/respond'
import { readEnv } from '@/lib/config/env'
import { presentDeliveries } from '@/lib/deliveries/presentDelivery'
import { findSubscription } from '@/lib/subscriptions/findSubscription'
import { sendTestEvent, testEventInputSchema } from '@/lib/subscriptions/sendTestEvent'

type Params = { id: string }

export const POST = handleApiRoute<Params>(
  'operator',
  async ({ request, payload, user, params }) => {
    const subscription = await findSubscription(
      payload,
      parseIdParam(params.id, 'subscription'),
      user,
    )
    const input = await parseJsonBody(request, testEventInputSchema, {
      maxBytes: SUBSCRIPTION_LIMITS.bodyBytes,
    })
    const result = await sendTestEvent(payload, subscription, input, {
      waitMs: readEnv().DELIVERY_TIMEOUT_MS + 5_000,
    })
    const [delivery] = await presentDeliveries(payload, [result.delivery])
    return respondOk(
      {
        delivered: result.delivered,
        success: delivery.status === 'succeeded',
        status: delivery.status,
        attempt: result.attempt,
        delivery,
        ...(result.delivered ? {} : { message: 'No worker attempted it yet; it stays queued.' }),
      },
      result.delivered ? 200 : 202,
    )
  },
)
