// The IANA special-purpose address blocks (IPv4 and IPv6 Special-Purpose Address Registries, RFC 6890,
// as updated to 2025-10), plus the blocks of the address-space registries that are not global unicast.
// Every block is refused as a delivery target, globally reachable or not: anycast relays, AS112 sinks
// and documentation ranges are never where a webhook receiver lives. Entries nested inside a listed
// block (192.0.0.9/32, 2001:1::1/128, 2001:db8::/32's neighbours in 2001::/23 …) are covered by it.
export type SpecialPurposeRange = { network: string; prefix: number; name: string; rfc: string }

export const SPECIAL_PURPOSE_IPV4_RANGES: readonly SpecialPurposeRange[] = [
  { network: '0.0.0.0', prefix: 8, name: '"This network"', rfc: 'RFC 791' },
  { network: '10.0.0.0', prefix: 8, name: 'Private-Use', rfc: 'RFC 1918' },
  { network: '100.64.0.0', prefix: 10, name: 'Shared Address Space', rfc: 'RFC 6598' },
  { network: '127.0.0.0', prefix: 8, name: 'Loopback', rfc: 'RFC 1122' },
  { network: '169.254.0.0', prefix: 16, name: 'Link Local', rfc: 'RFC 3927' },
  { network: '172.16.0.0', prefix: 12, name: 'Private-Use', rfc: 'RFC 1918' },
  { network: '192.0.0.0', prefix: 24, name: 'IETF Protocol Assignments', rfc: 'RFC 6890' },
  { network: '192.0.2.0', prefix: 24, name: 'Documentation (TEST-NET-1)', rfc: 'RFC 5737' },
  { network: '192.31.196.0', prefix: 24, name: 'AS112-v4', rfc: 'RFC 7535' },
  { network: '192.52.193.0', prefix: 24, name: 'AMT', rfc: 'RFC 7450' },
  { network: '192.88.99.0', prefix: 24, name: 'Deprecated (6to4 Relay Anycast)', rfc: 'RFC 7526' },
  { network: '192.168.0.0', prefix: 16, name: 'Private-Use', rfc: 'RFC 1918' },
  { network: '192.175.48.0', prefix: 24, name: 'Direct Delegation AS112 Service', rfc: 'RFC 7534' },
  { network: '198.18.0.0', prefix: 15, name: 'Benchmarking', rfc: 'RFC 2544' },
  { network: '198.51.100.0', prefix: 24, name: 'Documentation (TEST-NET-2)', rfc: 'RFC 5737' },
  { network: '203.0.113.0', prefix: 24, name: 'Documentation (TEST-NET-3)', rfc: 'RFC 5737' },
  // From the IPv4 address space registry: multicast is not in the special-purpose registry.
  { network: '224.0.0.0', prefix: 4, name: 'Multicast', rfc: 'RFC 5771' },
  { network: '240.0.0.0', prefix: 4, name: 'Reserved', rfc: 'RFC 1112' },
  { network: '255.255.255.255', prefix: 32, name: 'Limited Broadcast', rfc: 'RFC 919' },
]

/** IANA assigns unicast only from 2000::/3; everything outside it is refused unless it embeds IPv4. */
export const GLOBAL_UNICAST_IPV6_RANGE: SpecialPurposeRange = {
  network: '2000::',
  prefix: 3,
  name: 'Global Unicast',
  rfc: 'RFC 4291',
}

/** Special-purpose blocks outside 2000::/3 are listed too, so the table is the whole registry. */
export const SPECIAL_PURPOSE_IPV6_RANGES: readonly SpecialPurposeRange[] = [
  { network: '::', prefix: 128, name: 'Unspecified Address', rfc: 'RFC 4291' },
  { network: '::1', prefix: 128, name: 'Loopback Address', rfc: 'RFC 4291' },
  { network: '64:ff9b:1::', prefix: 48, name: 'IPv4-IPv6 Translat. (local use)', rfc: 'RFC 8215' },
  { network: '100::', prefix: 64, name: 'Discard-Only Address Block', rfc: 'RFC 6666' },
  { network: '100:0:0:1::', prefix: 64, name: 'Dummy IPv6 Prefix', rfc: 'RFC 9780' },
  { network: '2001::', prefix: 23, name: 'IETF Protocol Assignments', rfc: 'RFC 2928' },
  { network: '2001:db8::', prefix: 32, name: 'Documentation', rfc: 'RFC 3849' },
  { network: '2620:4f:8000::', prefix: 48, name: 'Direct Delegation AS112', rfc: 'RFC 7534' },
  { network: '3fff::', prefix: 20, name: 'Documentation', rfc: 'RFC 9637' },
  { network: '5f00::', prefix: 16, name: 'Segment Routing (SRv6) SIDs', rfc: 'RFC 9602' },
  { network: 'fc00::', prefix: 7, name: 'Unique-Local', rfc: 'RFC 4193' },
  { network: 'fe80::', prefix: 10, name: 'Link-Local Unicast', rfc: 'RFC 4291' },
  { network: 'fec0::', prefix: 10, name: 'Deprecated site-local', rfc: 'RFC 3879' },
  { network: 'ff00::', prefix: 8, name: 'Multicast', rfc: 'RFC 4291' },
]

/**
 * Special-purpose IPv6 blocks that carry an IPv4 address: they are judged by the address they embed,
 * so that a NAT64 or 6to4 route to a public host keeps working and one to a private host does not.
 * IPv4-compatible addresses (::/96, deprecated by RFC 4291) are not here: nothing routes them.
 */
export const IPV4_EMBEDDING_IPV6_RANGES: readonly SpecialPurposeRange[] = [
  { network: '::ffff:0:0', prefix: 96, name: 'IPv4-mapped Address', rfc: 'RFC 4291' },
  { network: '::ffff:0:0:0', prefix: 96, name: 'IPv4-translated Address', rfc: 'RFC 2765' },
  { network: '64:ff9b::', prefix: 96, name: 'IPv4-IPv6 Translat.', rfc: 'RFC 6052' },
  { network: '2002::', prefix: 16, name: '6to4', rfc: 'RFC 3056' },
]
