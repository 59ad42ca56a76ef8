import { describe, expect, it } from 'vitest'

import { isAddressAllowed } from '@/lib/inbound/ingress/isAddressAllowed'
import { parseAddressRanges } from '@/lib/web/parseAddressRanges'

const policy = (allowedIps: string | null) => ({
  allowedIps: allowedIps === null ? null : parseAddressRanges(allowedIps),
  rateLimit: null,
})

describe('a source’s IP allowlist', () => {
  it('admits any address, even an unknown one, when the source has none', () => {
    expect(isAddressAllowed(policy(null), null)).toBe(true)
    expect(isAddressAllowed(policy(null), '198.51.100.1')).toBe(true)
  })

  it('admits addresses inside its ranges, IPv4 also as a dual-stack socket shows it', () => {
    const allow = policy('203.0.113.0/24\n2001:db8::/32, 192.0.2.7')
    expect(isAddressAllowed(allow, '203.0.113.9')).toBe(true)
    expect(isAddressAllowed(allow, '::ffff:203.0.113.9')).toBe(true)
    expect(isAddressAllowed(allow, '2001:db8:1::5')).toBe(true)
    expect(isAddressAllowed(allow, '192.0.2.7')).toBe(true)
  })

  it('refuses addresses outside, and an address it cannot see', () => {
    const allow = policy('203.0.113.0/24')
    expect(isAddressAllowed(allow, '203.0.114.1')).toBe(false)
    expect(isAddressAllowed(allow, '2001:db8::1')).toBe(false)
    expect(isAddressAllowed(allow, null)).toBe(false)
    expect(isAddressAllowed(allow, 'not-an-ip')).toBe(false)
  })
})
