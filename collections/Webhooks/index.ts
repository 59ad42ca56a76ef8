// Subscriptions: a customer endpoint, the event types it wants, its filters, retry policy and secret.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAuthenticated } from '../access/isAuthenticated'
import { encryptedSecretField } from '../fields/encryptedSecretField'
import { DEFAULT_RETRY_CONFIG } from '@/lib/model/retryConfig'
import {
  DEFAULT_DELIVERY_FORMAT,
  DELIVERY_FORMAT_NAMES,
} from '@/lib/delivery/formats/deliveryFormats'
import { generateMissingSecret } from './hooks/generateMissingSecret'
import { logRegistration } from './hooks/logRegistration'
import { recordActivationChange } from './hooks/recordActivationChange'
import { sealHeaderValues } from './hooks/sealHeaderValues'
import { validateSubscription } from './hooks/validateSubscription'
import {
  forgetCachedSubscriptionsAfterChange,
  forgetCachedSubscriptionsAfterDelete,
} from './hooks/forgetCachedSubscriptions'
import { JSON_AS_TEXT } from '../shared/textFieldComponents'

export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: { singular: 'Webhook subscription', plural: 'Webhook subscriptions' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'event_types', 'active', 'success_rate', 'disabled_reason'],
    group: 'Outbound',
  },
  access: { read: isAuthenticated, create: isAdmin, update: isAdmin, delete: isAdmin },
  // A copy would carry header hints, not the sealed values, and neither secret.
  disableDuplicate: true,
  hooks: {
    beforeOperation: [validateSubscription],
    beforeValidate: [generateMissingSecret],
    beforeChange: [recordActivationChange, sealHeaderValues],
    afterChange: [forgetCachedSubscriptionsAfterChange, logRegistration],
    afterDelete: [forgetCachedSubscriptionsAfterDelete],
  },
  fields: [
    {
      name: 'actions',
      type: 'ui',
      admin: {
        components: {
          Field: '/collections/Webhooks/components/SubscriptionActions#SubscriptionActions',
        },
      },
    },
    {
      name: 'success_rate',
      type: 'ui',
      label: 'Success rate',
      admin: {
        components: { Cell: '/collections/Webhooks/components/SuccessRateCell#SuccessRateCell' },
      },
    },
    { name: 'name', type: 'text', required: true },
    { name: 'url', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      name: 'format',
      type: 'select',
      options: [...DELIVERY_FORMAT_NAMES],
      defaultValue: DEFAULT_DELIVERY_FORMAT,
      admin: {
        description:
          'standard: the hub envelope with Standard Webhooks and X-Webhook-* headers. corp-astro: seed ' +
          "002's {id, timestamp, event_type, data} with X-Corp-Astro-* headers.",
      },
    },
    {
      name: 'client_id',
      type: 'text',
      index: true,
      admin: {
        description: 'Whose subscription this is, for clients that list theirs (seed 002).',
      },
    },
    {
      name: 'event_types',
      type: 'text',
      hasMany: true,
      required: true,
      index: true,
      admin: { description: 'Type and press Enter: job.completed, job.* or * for every event.' },
    },
    {
      name: 'filters',
      type: 'group',
      fields: [
        { name: 'job_types', type: 'text', hasMany: true },
        { name: 'job_priorities', type: 'text', hasMany: true },
        {
          name: 'machine_ids',
          type: 'text',
          hasMany: true,
          admin: { description: 'Glob patterns such as gpu-*.' },
        },
        { name: 'worker_ids', type: 'text', hasMany: true },
        { name: 'custom_filters', type: 'json', admin: { components: JSON_AS_TEXT } },
      ],
    },
    {
      name: 'headers',
      type: 'json',
      admin: {
        description:
          'Extra headers sent with every delivery. Values are stored sealed and shown as a hint ' +
          '("...abcd"); leave a hint as it is to keep that value, or type a new value to replace it.',
        components: JSON_AS_TEXT,
      },
    },
    { name: 'sealed_headers', type: 'json', hidden: true },
    {
      name: 'retry_config',
      label: 'Retry',
      type: 'group',
      fields: [
        {
          name: 'max_attempts',
          type: 'number',
          min: 1,
          defaultValue: DEFAULT_RETRY_CONFIG.max_attempts,
        },
        {
          name: 'initial_delay_ms',
          type: 'number',
          min: 0,
          defaultValue: DEFAULT_RETRY_CONFIG.initial_delay_ms,
        },
        {
          name: 'backoff_multiplier',
          type: 'number',
          min: 1,
          defaultValue: DEFAULT_RETRY_CONFIG.backoff_multiplier,
        },
        {
          name: 'max_delay_ms',
          type: 'number',
          min: 0,
          defaultValue: DEFAULT_RETRY_CONFIG.max_delay_ms,
        },
      ],
    },
    {
      name: 'disable_after_failing_ms',
      label: 'Disable after failing for (ms)',
      type: 'number',
      min: 0,
      defaultValue: 5 * 24 * 60 * 60 * 1000,
      admin: {
        description: 'Disable the subscription once every attempt has failed for this long.',
      },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
    { name: 'disabled_reason', type: 'text', admin: { readOnly: true } },
    { name: 'disabled_at', type: 'date', admin: { readOnly: true } },
    { name: 'failing_since', type: 'date', admin: { readOnly: true } },
    encryptedSecretField('secret', { required: true }),
    encryptedSecretField('previous_secret'),
    encryptedSecretField('unrevealed_secret'),
    {
      name: 'secret_reveal_pending',
      type: 'checkbox',
      defaultValue: false,
      admin: { hidden: true },
    },
    {
      name: 'previous_secret_expires_at',
      type: 'date',
      admin: { readOnly: true },
    },
    {
      name: 'secret_hint',
      type: 'text',
      admin: {
        readOnly: true,
        description: 'Last characters of the secret, to tell secrets apart.',
      },
    },
  ],
}
