import { z } from 'zod'

import { EVENT_TYPE_NAME_PATTERN, isBuiltInEventType } from './eventCatalog'

export const registerEventTypeInputSchema = z.object({
  name: z
    .string()
    .regex(EVENT_TYPE_NAME_PATTERN, 'Use a dotted lowercase name such as invoice.paid')
    .refine((name) => !isBuiltInEventType(name), 'This is a built-in event type'),
  description: z.string().max(2000).optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
})
