import type { CollectionConfig, Field } from 'payload'

// Payload shows a field without a label by its raw name ("event_type"); operators read "Event type".
const WORD_SPELLINGS: Record<string, string> = {
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  ip: 'IP',
  ms: '(ms)',
}

export function labelFromFieldName(name: string): string {
  const words = name.split('_').map((word) => WORD_SPELLINGS[word] ?? word)
  const [first = '', ...rest] = words
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ')
}

function labelField(field: Field): Field {
  const labelled: Field =
    'name' in field && !('label' in field && field.label !== undefined)
      ? ({ ...field, label: labelFromFieldName(field.name) } as Field)
      : field
  if ('fields' in labelled && Array.isArray(labelled.fields)) {
    return { ...labelled, fields: labelled.fields.map(labelField) } as Field
  }
  return labelled
}

export function labelFieldsFromNames(collection: CollectionConfig): CollectionConfig {
  return { ...collection, fields: collection.fields.map(labelField) }
}
