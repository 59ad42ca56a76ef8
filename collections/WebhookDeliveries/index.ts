// One event owed to one subscription, with every attempt made to deliver it.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAuthenticated } from '../access/isAuthenticated'
import { nobody } from '../access/nobody'
import { DELIVERY_STATUSES } from '@/lib/model/deliveryStatus'

export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Delivery', plural: 'Deliveries' },
  admin: {
    useAsTitle: 'event_id',
    defaultColumns: [
      'event_type',
      'webhook',
      'status',
      'attempt_count',
      'last_status_code',
      'createdAt',
    ],
    group: 'Outbound',
    components: {
      beforeListTable: [
        '/collections/WebhookDeliveries/components/ReplaySelectedButton#ReplaySelectedButton',
      ],
    },
  },
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: isAdmin },
  // Each index serves a query (README, "Deliveries' indexes"); every extra one costs every insert.
  indexes: [
    { fields: ['status', 'next_attempt_at'] },
    { fields: ['status', 'lease_expires_at'] },
    { fields: ['webhook', 'status'] },
    // Covers the dashboard's per-minute series without touching the table rows.
    { fields: ['last_attempt_at', 'status'] },
  ],
  fields: [
    {
      name: 'actions',
      type: 'ui',
      admin: {
        components: {
          Field:
            '/collections/WebhookDeliveries/components/ReplayDeliveryButton#ReplayDeliveryButton',
        },
      },
    },
    {
      name: 'timeline',
      type: 'ui',
      admin: {
        components: {
          Field: '/collections/WebhookDeliveries/components/AttemptsTimeline#AttemptsTimeline',
        },
      },
    },
    {
      name: 'webhook',
      type: 'relationship',
      relationTo: 'webhooks',
      admin: { description: 'Empty once the subscription is deleted; the history stays.' },
    },
    { name: 'event_id', type: 'text', required: true, index: true },
    { name: 'event_type', type: 'text', required: true },
    {
      name: 'job_id',
      type: 'text',
      index: true,
      admin: { description: 'The job this event is about, when it is a job.* event.' },
    },
    {
      name: 'message_id',
      type: 'text',
      required: true,
      admin: { description: 'Standard Webhooks webhook-id, the same on every retry.' },
    },
    {
      name: 'body',
      type: 'ui',
      label: 'Body sent (metadata.retry_attempt is added per attempt)',
      admin: {
        components: {
          Field: '/collections/WebhookDeliveries/components/DeliveryBody#DeliveryBody',
        },
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: [...DELIVERY_STATUSES],
    },
    { name: 'attempt_count', type: 'number', required: true, defaultValue: 0 },
    { name: 'max_attempts', type: 'number', required: true },
    { name: 'next_attempt_at', type: 'date' },
    { name: 'lease_expires_at', type: 'date' },
    { name: 'leased_by', type: 'text' },
    { name: 'last_status_code', type: 'number' },
    { name: 'last_error', type: 'text' },
    { name: 'last_duration_ms', type: 'number' },
    { name: 'last_attempt_at', type: 'date' },
    { name: 'succeeded_at', type: 'date' },
    {
      name: 'attempts',
      type: 'json',
      defaultValue: [],
      admin: {
        description: 'Every attempt: time, status code, duration, response excerpt, error.',
        // The attempts timeline above shows them.
        hidden: true,
      },
    },
    { name: 'createdAt', type: 'date', index: true, admin: { hidden: true } },
    // Declared only to drop Payload's default index on it: no query sorts or filters deliveries by it.
    { name: 'updatedAt', type: 'date', admin: { hidden: true } },
  ],
}
