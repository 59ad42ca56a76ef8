// What a client may send to register a custom event type; its JSON Schema is bounded like any stored JSON.
import { z } from 'zod'

import { boundedJsonObject } from '@/lib/api/boundedJsonObject'
import { EVENT_TYPE_NAME_PATTERN, isBuiltInEventType } from './eventCatalog'

export const EVENT_TYPE_BODY_LIMIT_BYTES = 128 * 1024
export const EVENT_TYPE_SCHEMA_BOUNDS = { maxDepth: 32, maxEntries: 5_000, maxBytes: 64 * 1024 }

export const eventTypeSchemaSchema = boundedJsonObject(EVENT_TYPE_SCHEMA_BOUNDS)

export const registerEventTypeInputSchema = z.object({
  name: z
    .string()
    .regex(EVENT_TYPE_NAME_PATTERN, 'Use a dotted lowercase name such as invoice.paid')
    .refine((name) => !isBuiltInEventType(name), 'This is a built-in event type'),
  description: z.string().max(2000).optional(),
  schema: eventTypeSchemaSchema.optional(),
})

/** Payload REST and the admin write the stored shape: a null schema, extra keys beside it. */
export const eventTypeWriteSchema = z.looseObject({
  description: z.string().max(2000).nullish(),
  schema: eventTypeSchemaSchema.nullish(),
})
