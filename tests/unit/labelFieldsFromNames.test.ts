import { describe, expect, it } from 'vitest'

import { labelFieldsFromNames, labelFromFieldName } from '../../lib/admin/labelFieldsFromNames'

describe('labelFieldsFromNames', () => {
  it('turns snake_case names into readable labels with known acronyms', () => {
    expect(labelFromFieldName('event_type')).toBe('Event type')
    expect(labelFromFieldName('job_id')).toBe('Job ID')
    expect(labelFromFieldName('url')).toBe('URL')
    expect(labelFromFieldName('last_duration_ms')).toBe('Last duration (ms)')
  })

  it('keeps explicit labels and labels nested group fields', () => {
    const collection = labelFieldsFromNames({
      slug: 'things',
      fields: [
        { name: 'url', type: 'text', label: 'Endpoint' },
        { name: 'filters', type: 'group', fields: [{ name: 'machine_ids', type: 'text' }] },
      ],
    })
    expect(collection.fields[0]).toMatchObject({ label: 'Endpoint' })
    expect(collection.fields[1]).toMatchObject({
      label: 'Filters',
      fields: [{ label: 'Machine IDs' }],
    })
  })
})
