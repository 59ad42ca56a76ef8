// Media a provider generated for a completed job, recorded by the media handler (lib/media) from the
// job's result. Written only by the hub; one document per job and URL.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAuthenticated } from '../access/isAuthenticated'
import { nobody } from '../access/nobody'
import { MEDIA_TYPES } from '@/lib/media/mediaTypes'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media', plural: 'Media' },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'media_type', 'provider', 'job', 'project_id', 'createdAt'],
    group: 'Inbound',
  },
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: isAdmin },
  indexes: [{ fields: ['job', 'url'], unique: true }],
  fields: [
    { name: 'url', type: 'text', required: true },
    { name: 'media_type', type: 'select', required: true, options: [...MEDIA_TYPES] },
    // Not required: a deleted job's media keep their URL (the column is set to null).
    { name: 'job', type: 'relationship', relationTo: 'jobs', index: true },
    { name: 'provider', type: 'text', required: true },
    {
      name: 'project_id',
      type: 'text',
      index: true,
      admin: { description: "From the callback's metadata.project_id or the job input's." },
    },
    { name: 'width', type: 'number' },
    { name: 'height', type: 'number' },
    { name: 'duration', type: 'number', admin: { description: 'Seconds.' } },
  ],
}
