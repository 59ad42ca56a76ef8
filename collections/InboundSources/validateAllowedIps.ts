import type { TextareaFieldValidation } from 'payload'

import { parseAddressRanges } from '@/lib/web/parseAddressRanges'

export const validateAllowedIps: TextareaFieldValidation = (value) => {
  if (!value) return true
  try {
    parseAddressRanges(value)
    return true
  } catch (error) {
    return `Allowed IPs: ${(error as Error).message}. Use addresses or CIDR ranges such as 203.0.113.0/24, separated by commas or new lines.`
  }
}
