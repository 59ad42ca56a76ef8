import type { TextFieldSingleValidation } from 'payload'

import { EVENT_TYPE_NAME_PATTERN, isBuiltInEventType } from '@/lib/events/eventCatalog'

export const validateEventTypeName: TextFieldSingleValidation = (value) => {
  if (!value || !EVENT_TYPE_NAME_PATTERN.test(value)) {
    return 'Use dotted lowercase names, like "invoice.paid".'
  }
  if (isBuiltInEventType(value)) return `"${value}" is a built-in event type.`
  return true
}
