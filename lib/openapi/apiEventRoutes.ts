// The event routes of the API (publish, batch, list, catalog) with the zod schemas their handlers parse.
import { listEventsQuerySchema } from '@/lib/events/listEventsQuery'
import { publishBatchInputSchema } from '@/lib/events/publishBatchInputSchema'
import { publishEventInputSchema } from '@/lib/events/publishEvent'
import { MAX_BATCH_EVENTS } from '@/lib/events/publishLimits'
import { registerEventTypeInputSchema } from '@/lib/events/registerEventTypeInputSchema'
import type { ApiRoute } from './apiRouteCatalog'

export const API_EVENT_ROUTES: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/webhooks/events',
    summary: 'Publish an event to every matching subscription',
    tag: 'Events',
    auth: 'operator',
    body: { name: 'PublishEvent', schema: publishEventInputSchema },
    success: {
      status: 201,
      description:
        'The event id and the deliveries created (200 with duplicate: true for a repeated event_id)',
    },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/events/batch',
    summary: `Publish up to ${MAX_BATCH_EVENTS} events in one write; one bad event never fails the others`,
    tag: 'Events',
    auth: 'operator',
    body: { name: 'PublishEventBatch', schema: publishBatchInputSchema },
    success: {
      status: 200,
      description:
        '{results: [{index, ok, status, event_id, event_type, deliveries_created, delivery_ids, duplicate} or {index, ok: false, status, error}], published, duplicates, failed}',
    },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/event-types',
    summary: 'The event catalog with each type’s JSON Schema',
    tag: 'Events',
    auth: 'viewer',
    success: { status: 200, description: 'Built-in and custom event types' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/event-types',
    summary: 'Register a custom event type',
    tag: 'Events',
    auth: 'operator',
    body: { name: 'RegisterEventType', schema: registerEventTypeInputSchema },
    success: { status: 201, description: 'The event type' },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/events',
    summary:
      'Published events newest first, each stored once, with how many subscriptions it reached',
    tag: 'Events',
    auth: 'viewer',
    query: listEventsQuerySchema,
    success: {
      status: 200,
      description:
        'A page of events: {event_id, event_type, data, metadata, job_id, deliveries_created, created_at}; deliveries_created 0 means it matched no subscription',
    },
  },
]
