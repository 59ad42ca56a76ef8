// Which address a request came from: the TCP peer, unless the peer is a trusted proxy, in which case the
// X-Forwarded-For entry it added, and so on leftwards while each hop is itself trusted (proxy-addr's rule,
// as Express applies it). A client cannot choose its recorded address by sending the header itself.
import { isIP, type BlockList } from 'node:net'

function isTrusted(address: string, trusted: BlockList): boolean {
  const version = isIP(address)
  return version !== 0 && trusted.check(address, version === 4 ? 'ipv4' : 'ipv6')
}

/** `peer` is null when the server cannot see the socket (the App Router): nothing is known then. */
export function resolveClientAddress(
  peer: string | null,
  forwardedFor: string | undefined,
  trusted: BlockList,
): string | null {
  if (peer === null) return null
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  let address = peer
  while (hops.length > 0 && isTrusted(address, trusted)) {
    const next = hops.pop()!
    // A trusted proxy that forwards something other than an address: its own address is what is known.
    if (isIP(next) === 0) break
    address = next
  }
  return address
}
