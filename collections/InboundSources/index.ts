// Custom inbound sources: any service that signs its callbacks one of the supported ways.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAuthenticated } from '../access/isAuthenticated'
import { encryptedSecretField } from '../fields/encryptedSecretField'
import { SIGNATURE_SCHEMES } from '@/lib/model/providers'
import {
  forgetCachedSourcesAfterChange,
  forgetCachedSourcesAfterDelete,
} from './hooks/forgetCachedSources'
import { validateAllowedIps } from './validateAllowedIps'
import { validateSourceSlug } from './validateSourceSlug'

export const InboundSources: CollectionConfig = {
  slug: 'inbound-sources',
  labels: { singular: 'Inbound source', plural: 'Inbound sources' },
  admin: {
    useAsTitle: 'slug',
    defaultColumns: ['slug', 'name', 'scheme', 'active'],
    group: 'Inbound',
  },
  access: { read: isAuthenticated, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    afterChange: [forgetCachedSourcesAfterChange],
    afterDelete: [forgetCachedSourcesAfterDelete],
  },
  fields: [
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: validateSourceSlug,
    },
    { name: 'name', type: 'text', required: true },
    { name: 'scheme', type: 'select', required: true, options: [...SIGNATURE_SCHEMES] },
    encryptedSecretField('secret', { required: true }),
    {
      name: 'header_name',
      type: 'text',
      defaultValue: 'x-webhook-signature',
      admin: { condition: (data) => data?.scheme === 'hmac-sha256-hex' },
    },
    {
      name: 'signature_prefix',
      type: 'text',
      admin: {
        description: 'For example "sha256=".',
        condition: (data) => data?.scheme === 'hmac-sha256-hex',
      },
    },
    {
      name: 'allowed_ips',
      type: 'textarea',
      validate: validateAllowedIps,
      admin: {
        description:
          'Optional: the addresses and CIDR ranges this source calls from, separated by commas or new lines. Others get 403 ip_not_allowed and are logged as rejected. Empty: any address.',
      },
    },
    {
      name: 'rate_limit_per_minute',
      type: 'number',
      min: 0,
      admin: {
        description:
          'Verified callbacks accepted per minute, per web process (0: no limit). Past it: 429 rate_limited with Retry-After. Empty: INBOUND_RATE_LIMIT_PER_MINUTE.',
        step: 1,
      },
    },
    {
      name: 'rate_limit_burst',
      type: 'number',
      min: 1,
      admin: {
        description:
          'Callbacks allowed at once before the per-minute rate applies. Empty: the per-minute figure.',
        step: 1,
      },
    },
    { name: 'active', type: 'checkbox', defaultValue: true },
    {
      name: 'tester',
      type: 'ui',
      admin: {
        components: { Field: '/collections/InboundSources/components/SourceTester#SourceTester' },
      },
    },
  ],
}
