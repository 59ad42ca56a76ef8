// Inbound callbacks as received: raw body, redacted headers, verdict and what processing made of them.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAuthenticated } from '../access/isAuthenticated'
import { nobody } from '../access/nobody'
import { INBOUND_LOG_STATUSES } from '@/lib/model/inboundLogStatus'
import { CODE_AS_TEXT, JSON_AS_TEXT } from '../shared/textFieldComponents'

export const WebhookLogs: CollectionConfig = {
  slug: 'webhook-logs',
  labels: { singular: 'Inbound log', plural: 'Inbound logs' },
  admin: {
    useAsTitle: 'source',
    defaultColumns: ['source', 'status', 'event_type', 'external_job_id', 'received_at'],
    group: 'Inbound',
  },
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: isAdmin },
  defaultSort: '-received_at',
  // Every index is paid on each callback's insert and its two status changes: only those a query uses.
  indexes: [
    { fields: ['source', 'received_at'] },
    { fields: ['status', 'received_at'] },
    // Atomic de-duplication: a provider's event key can be stored once per source, even by racing requests.
    { fields: ['source', 'dedupe_key'], unique: true },
  ],
  fields: [
    {
      name: 'overview',
      type: 'ui',
      admin: {
        components: {
          Field: '/collections/WebhookLogs/components/InboundLogDetail#InboundLogDetail',
        },
      },
    },
    { name: 'source', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [...INBOUND_LOG_STATUSES],
    },
    { name: 'verified', type: 'checkbox', defaultValue: false },
    { name: 'rejection_reason', type: 'text' },
    { name: 'raw_body', type: 'code', admin: { language: 'json', components: CODE_AS_TEXT } },
    {
      name: 'raw_body_base64',
      type: 'text',
      admin: {
        readOnly: true,
        description:
          'The exact bytes, base64, when they are not valid UTF-8 (raw_body shows each invalid byte as U+FFFD).',
      },
    },
    {
      name: 'raw_body_size',
      type: 'number',
      admin: {
        readOnly: true,
        description: 'Bytes received. A rejected body keeps only its first 4 KiB.',
      },
    },
    { name: 'headers', type: 'json', admin: { components: JSON_AS_TEXT } },
    { name: 'source_ip', type: 'text' },
    { name: 'received_at', type: 'date', required: true, index: true },
    {
      name: 'dedupe_key',
      type: 'text',
      required: true,
      admin: {
        description: "The provider's event key; rejected and duplicate rows get a unique filler.",
      },
    },
    {
      name: 'duplicate_of',
      type: 'text',
      admin: { description: 'For duplicates: the id of the first log.' },
    },
    { name: 'event_type', type: 'text' },
    { name: 'external_job_id', type: 'text', index: true },
    {
      name: 'path_job_id',
      type: 'text',
      admin: {
        description: 'Our job id from the callback URL (/api/v1/webhooks/{provider}/{jobId}).',
      },
    },
    { name: 'job', type: 'relationship', relationTo: 'jobs' },
    { name: 'normalized', type: 'json', admin: { components: JSON_AS_TEXT } },
    { name: 'error_message', type: 'text' },
    { name: 'processed_at', type: 'date' },
    { name: 'processing_attempts', type: 'number', defaultValue: 0 },
    { name: 'lease_expires_at', type: 'date', admin: { readOnly: true } },
    { name: 'leased_by', type: 'text', admin: { readOnly: true } },
    // Declared only to drop Payload's default indexes: logs are listed and filtered by received_at.
    { name: 'createdAt', type: 'date', admin: { hidden: true } },
    { name: 'updatedAt', type: 'date', admin: { hidden: true } },
  ],
}
