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
