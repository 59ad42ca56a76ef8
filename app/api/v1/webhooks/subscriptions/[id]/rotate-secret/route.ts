import { z } from 'zod'

import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { WEBHOOK_SECRET_PATTERN } from '@/lib/signing/generateWebhookSecret'
import { findSubscription } from '@/lib/subscriptions/findSubscription'
import { rotateSubscriptionSecret } from '@/lib/subscriptions/saveSubscription'

type Params = { id: string }

const bodySchema = z.object({
  secret: z.string().regex(WEBHOOK_SECRET_PATTERN, 'Must look like whsec_<base64>').optional(),
})

export const POST = handleApiRoute<Params>('admin', async ({ request, payload, user, params }) => {
  const subscription = await findSubscription(
    payload,
    parseIdParam(params.id, 'subscription'),
    user,
  )
  const input = await parseJsonBody(request, bodySchema)
  const rotated = await rotateSubscriptionSecret(
    payload,
    subscription,
    user,
    new Date(),
    input.secret,
  )
  return respondOk({ webhook_id: String(subscription.id), ...rotated })
})
