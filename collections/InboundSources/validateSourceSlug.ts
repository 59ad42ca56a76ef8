import type { TextFieldSingleValidation } from 'payload'

import { isReservedSourceSlug } from '@/lib/model/providers'

export const SOURCE_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/

export const validateSourceSlug: TextFieldSingleValidation = (value) => {
  if (!value || !SOURCE_SLUG_PATTERN.test(value)) {
    return 'Use 2-63 lowercase letters, digits and dashes.'
  }
  if (isReservedSourceSlug(value)) return `"${value}" is reserved by the hub.`
  return true
}
