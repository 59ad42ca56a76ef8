import { describe, expect, it } from 'vitest'

import { isSealed, openSecret, sealSecret } from '@/lib/crypto/secretBox'

describe('secretBox', () => {
  it('seals a secret so that only the same master secret opens it', () => {
    const sealed = sealSecret('whsec_abc', 'master-secret-one')
    expect(isSealed(sealed)).toBe(true)
    expect(sealed).not.toContain('whsec_abc')
    expect(openSecret(sealed, 'master-secret-one')).toBe('whsec_abc')
    expect(() => openSecret(sealed, 'master-secret-two')).toThrow()
  })

  it('uses a fresh nonce each time and refuses a tampered ciphertext', () => {
    const first = sealSecret('same', 'master')
    const second = sealSecret('same', 'master')
    expect(first).not.toBe(second)
    const tampered = first.slice(0, -2) + (first.endsWith('A') ? 'BB' : 'AA')
    expect(() => openSecret(tampered, 'master')).toThrow()
  })
})
