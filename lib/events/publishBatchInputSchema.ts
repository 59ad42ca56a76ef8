// The batch publish body, {events: [...]}: one shape, checked loosely at the edge (each event is then
// validated on its own, so one bad event never fails the others) and strictly for the API document.
import { z } from 'zod'

import { publishEventInputSchema } from './publishEvent'
import { MAX_BATCH_EVENTS } from './publishLimits'

function publishBatchShape<Event extends z.ZodType>(event: Event) {
  return z.object({ events: z.array(event).min(1).max(MAX_BATCH_EVENTS) })
}

export const publishBatchEnvelopeSchema = publishBatchShape(z.unknown())

export const publishBatchInputSchema = publishBatchShape(publishEventInputSchema)
