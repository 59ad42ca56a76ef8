// Every create and update, by any path, passes the management API's own validation; before Payload
// copies the data, which a deeply nested value would overflow.
import type { CollectionBeforeOperationHook } from 'payload'

import { validateSubscriptionWrite } from '@/lib/subscriptions/validateSubscriptionWrite'
import { rethrowAsValidationError } from '../../shared/rethrowAsValidationError'

export const validateSubscription: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { data } = args as { data?: unknown }
  await rethrowAsValidationError('webhooks', () =>
    validateSubscriptionWrite(req.payload, data, req),
  )
  return args
}
