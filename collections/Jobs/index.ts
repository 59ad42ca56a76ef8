// Work submitted to a provider: our id, the provider's id, and the normalized state over time.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAuthenticated } from '../access/isAuthenticated'
import { isOperator } from '../access/isOperator'
import { JOB_STATUSES, JOB_UPDATE_SOURCES } from '@/lib/model/jobStatus'
import { JSON_AS_TEXT } from '../shared/textFieldComponents'

export const Jobs: CollectionConfig = {
  slug: 'jobs',
  admin: {
    useAsTitle: 'external_id',
    defaultColumns: ['provider', 'external_id', 'job_type', 'status', 'progress', 'updatedAt'],
    group: 'Inbound',
  },
  access: { read: isAuthenticated, create: isOperator, update: isOperator, delete: isAdmin },
  // Every index is paid on each callback that changes a job: only those a query uses.
  indexes: [{ fields: ['provider', 'external_id'] }, { fields: ['status', 'last_update_at'] }],
  fields: [
    {
      name: 'overview',
      type: 'ui',
      admin: { components: { Field: '/collections/Jobs/components/JobOverview#JobOverview' } },
    },
    {
      name: 'media',
      type: 'ui',
      admin: { components: { Field: '/collections/Jobs/components/JobMedia#JobMedia' } },
    },
    { name: 'provider', type: 'text', required: true },
    { name: 'external_id', type: 'text', index: true },
    {
      name: 'endpoint',
      type: 'text',
      admin: { description: 'Model or endpoint the job was submitted to.' },
    },
    { name: 'job_type', type: 'text', index: true },
    { name: 'priority', type: 'text' },
    { name: 'machine_id', type: 'text' },
    { name: 'worker_id', type: 'text' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: [...JOB_STATUSES],
    },
    { name: 'progress', type: 'number', min: 0, max: 100, defaultValue: 0 },
    { name: 'input', type: 'json', admin: { components: JSON_AS_TEXT } },
    { name: 'result', type: 'json', admin: { components: JSON_AS_TEXT } },
    { name: 'error_message', type: 'text' },
    {
      name: 'status_history',
      type: 'json',
      defaultValue: [],
      admin: { components: JSON_AS_TEXT },
    },
    { name: 'last_update_at', type: 'date' },
    { name: 'last_update_source', type: 'select', options: [...JOB_UPDATE_SOURCES] },
    { name: 'provider_updated_at', type: 'date' },
    { name: 'next_poll_at', type: 'date' },
    { name: 'poll_attempts', type: 'number', defaultValue: 0 },
    {
      name: 'orphan_detections',
      type: 'number',
      defaultValue: 0,
      admin: {
        readOnly: true,
        description: 'Times the orphan poller found this job quiet for ORPHAN_AFTER_MS.',
      },
    },
    {
      name: 'orphan_recoveries',
      type: 'number',
      defaultValue: 0,
      admin: {
        readOnly: true,
        description: "Times a poll of the provider's API brought this job's state up to date.",
      },
    },
    { name: 'createdAt', type: 'date', index: true, admin: { hidden: true } },
    // Declared only to drop Payload's default index on it: no query sorts or filters jobs by it.
    { name: 'updatedAt', type: 'date', admin: { hidden: true } },
  ],
}
