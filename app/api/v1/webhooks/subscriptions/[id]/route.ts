import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { findSubscription } from '@/lib/subscriptions/findSubscription'
import { presentSubscription } from '@/lib/subscriptions/presentSubscription'
import { updateSubscription } from '@/lib/subscriptions/saveSubscription'
import {
  subscriptionPatchSchema,
  subscriptionReplaceSchema,
  SUBSCRIPTION_LIMITS,
} from '@/lib/subscriptions/subscriptionInputSchema'

type Params = { id: string }

export const GET = handleApiRoute<Params>('viewer', async ({ payload, user, params }) => {
  const subscription = await findSubscription(
    payload,
    parseIdParam(params.id, 'subscription'),
    user,
  )
  return respondOk(presentSubscription(subscription))
})

export const PUT = handleApiRoute<Params>('admin', async ({ request, payload, user, params }) => {
  const existing = await findSubscription(payload, parseIdParam(params.id, 'subscription'), user)
  const input = await parseJsonBody(request, subscriptionReplaceSchema, {
    maxBytes: SUBSCRIPTION_LIMITS.bodyBytes,
  })
  const replacement = {
    description: '',
    filters: {
      job_types: [],
      job_priorities: [],
      machine_ids: [],
      worker_ids: [],
      custom_filters: {},
    },
    headers: {},
    retry_config: {},
    active: true,
    ...input,
  }
  return respondOk(await updateSubscription(payload, existing, replacement, user))
})

export const PATCH = handleApiRoute<Params>('admin', async ({ request, payload, user, params }) => {
  const existing = await findSubscription(payload, parseIdParam(params.id, 'subscription'), user)
  const changes = await parseJsonBody(request, subscriptionPatchSchema, {
    maxBytes: SUBSCRIPTION_LIMITS.bodyBytes,
  })
  return respondOk(await updateSubscription(payload, existing, changes, user))
})

export const DELETE = handleApiRoute<Params>('admin', async ({ payload, user, params }) => {
  const existing = await findSubscription(payload, parseIdParam(params.id, 'subscription'), user)
  await payload.delete({ collection: 'webhooks', id: existing.id, user, overrideAccess: false })
  return respondOk({ id: String(existing.id), deleted: true })
})
