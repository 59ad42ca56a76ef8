// Custom event types an operator registers beside the built-in catalog.
import type { CollectionConfig } from 'payload'

import { isAuthenticated } from '../access/isAuthenticated'
import { isOperator } from '../access/isOperator'
import {
  forgetCustomEventTypesAfterChange,
  forgetCustomEventTypesAfterDelete,
} from './hooks/forgetCustomEventTypes'
import { validateEventType } from './hooks/validateEventType'
import { validateEventTypeName } from './validateEventTypeName'
import { JSON_AS_TEXT } from '../shared/textFieldComponents'

export const EventTypes: CollectionConfig = {
  slug: 'event-types',
  labels: { singular: 'Custom event type', plural: 'Custom event types' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'description'], group: 'Outbound' },
  access: { read: isAuthenticated, create: isOperator, update: isOperator, delete: isOperator },
  hooks: {
    beforeOperation: [validateEventType],
    afterChange: [forgetCustomEventTypesAfterChange],
    afterDelete: [forgetCustomEventTypesAfterDelete],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: validateEventTypeName,
    },
    { name: 'description', type: 'textarea' },
    {
      name: 'schema',
      type: 'json',
      admin: {
        description: 'Optional JSON Schema of `data`, shown in the catalog.',
        components: JSON_AS_TEXT,
      },
    },
  ],
}
