// A secret stored sealed (AES-256-GCM) and hidden from every API and the admin; the hub opens it itself.
import type { TextField } from 'payload'

import { isSealed, sealSecret } from '@/lib/crypto/secretBox'

export function encryptedSecretField(
  name: string,
  options: { required?: boolean } = {},
): TextField {
  return {
    name,
    type: 'text',
    hidden: true,
    required: options.required,
    hooks: {
      beforeChange: [
        ({ value, req }) => {
          if (typeof value !== 'string' || value === '' || isSealed(value)) return value
          return sealSecret(value, req.payload.secret)
        },
      ],
    },
  }
}
