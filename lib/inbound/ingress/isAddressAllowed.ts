// The allowlist check: an unknown address (the App Router shows no socket) is refused, never guessed.
import { isIP } from 'node:net'

import type { IngressPolicy } from './ingressPolicy'

export function isAddressAllowed(policy: IngressPolicy, address: string | null): boolean {
  if (!policy.allowedIps) return true
  const version = address === null ? 0 : isIP(address)
  if (version === 0) return false
  return policy.allowedIps.check(address!, version === 4 ? 'ipv4' : 'ipv6')
}
