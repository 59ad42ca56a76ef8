// Every create and update, by any path, bounds the schema as the management API does; before Payload
// copies the data, which a deeply nested schema would overflow.
import type { CollectionBeforeOperationHook } from 'payload'

import { parseWithSchema } from '@/lib/api/parseInput'
import { eventTypeWriteSchema } from '@/lib/events/registerEventTypeInputSchema'
import { rethrowAsValidationError } from '../../shared/rethrowAsValidationError'

export const validateEventType: CollectionBeforeOperationHook = async ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { data } = args as { data?: unknown }
  await rethrowAsValidationError('event-types', async () => {
    parseWithSchema(eventTypeWriteSchema, data ?? {})
  })
  return args
}
