// A published event (message), stored once with its body; its deliveries reference it by event_id.
import type { CollectionConfig } from 'payload'

import { isAuthenticated } from '../access/isAuthenticated'
import { nobody } from '../access/nobody'
import { JSON_AS_TEXT } from '../shared/textFieldComponents'

export const WebhookEvents: CollectionConfig = {
  slug: 'webhook-events',
  labels: { singular: 'Event', plural: 'Events' },
  admin: {
    useAsTitle: 'event_id',
    defaultColumns: ['event_type', 'event_id', 'deliveries_created', 'job_id', 'createdAt'],
    group: 'Outbound',
    description:
      'Every published event, stored once. "Deliveries" 0 means it matched no subscription.',
  },
  // Deliveries compose their bodies from their event: deleting one would leave them nothing to send.
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'deliveries',
      type: 'ui',
      admin: {
        components: {
          Field: '/collections/WebhookEvents/components/EventDeliveries#EventDeliveries',
        },
      },
    },
    { name: 'event_id', type: 'text', required: true, unique: true },
    { name: 'event_type', type: 'text', required: true, index: true },
    {
      name: 'job_id',
      type: 'text',
      index: true,
      admin: { description: 'The job this event is about, when it is a job.* event.' },
    },
    { name: 'data', type: 'json', required: true, admin: { components: JSON_AS_TEXT } },
    { name: 'metadata', type: 'json', admin: { components: JSON_AS_TEXT } },
    {
      name: 'deliveries_created',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: 'Deliveries',
      admin: { description: 'Subscriptions the event matched when it was published.' },
    },
    { name: 'createdAt', type: 'date', index: true, admin: { hidden: true } },
    // Declared only to drop Payload's default index on it: events are never updated.
    { name: 'updatedAt', type: 'date', admin: { hidden: true } },
  ],
}
