// The catalog as clients see it: every built-in and custom event type with the JSON Schema of its data.
import type { Payload } from 'payload'
import { z } from 'zod'

import { BUILT_IN_EVENT_TYPES, customEventData } from './eventCatalog'

export type EventTypeEntry = {
  name: string
  description: string
  custom: boolean
  schema: unknown
}

let builtInEntries: EventTypeEntry[] | undefined

function listBuiltInEventTypes(): EventTypeEntry[] {
  builtInEntries ??= Object.entries(BUILT_IN_EVENT_TYPES).map(([name, definition]) => ({
    name,
    description: definition.description,
    custom: false,
    schema: z.toJSONSchema(definition.data, { io: 'input', unrepresentable: 'any' }),
  }))
  return builtInEntries
}

export async function listEventTypes(payload: Payload): Promise<EventTypeEntry[]> {
  const custom = await payload.find({
    collection: 'event-types',
    pagination: false,
    sort: 'name',
    depth: 0,
    overrideAccess: true,
  })
  const defaultCustomSchema = z.toJSONSchema(customEventData, {
    io: 'input',
    unrepresentable: 'any',
  })
  return [
    ...listBuiltInEventTypes(),
    ...custom.docs.map((doc) => ({
      name: doc.name,
      description: doc.description ?? '',
      custom: true,
      schema: doc.schema ?? defaultCustomSchema,
    })),
  ]
}
