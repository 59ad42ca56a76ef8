// Decides whether an IP address is private, reserved or otherwise unfit as a webhook target.
import { BlockList, isIP } from 'node:net'

const BLOCKED_IPV4_SUBNETS: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
]

// Prefixes that embed an IPv4 address (IPv4-compatible/mapped, NAT64, 6to4) are not listed here:
// they are judged by the address they embed, so that 64:ff9b::8.8.8.8 stays reachable.
const BLOCKED_IPV6_SUBNETS: ReadonlyArray<readonly [string, number]> = [
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  // Local-use NAT64 (RFC 8215) translates into whatever network the operator chose.
  ['64:ff9b:1::', 48],
]

const blockList = createBlockList()

function createBlockList(): BlockList {
  const list = new BlockList()
  for (const [network, prefix] of BLOCKED_IPV4_SUBNETS) list.addSubnet(network, prefix, 'ipv4')
  for (const [network, prefix] of BLOCKED_IPV6_SUBNETS) list.addSubnet(network, prefix, 'ipv6')
  return list
}

/** True for addresses a delivery must never reach unless private targets are allowed. */
export function isBlockedAddress(ip: string): boolean {
  const family = isIP(ip)
  if (family === 4) return blockList.check(ip, 'ipv4')
  if (family !== 6) return true
  // A zone index only makes sense on a local link, never for a public target.
  if (ip.includes('%')) return true
  // BlockList also matches IPv4 rules against IPv4-mapped (::ffff:a.b.c.d) addresses.
  if (blockList.check(ip, 'ipv6')) return true
  const embedded = extractEmbeddedIpv4(ip)
  return embedded !== undefined && blockList.check(embedded, 'ipv4')
}

function extractEmbeddedIpv4(ip: string): string | undefined {
  const groups = expandIpv6(ip)
  const areZero = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0)
  // IPv4-compatible (::a.b.c.d, which also covers :: and ::1) and IPv4-mapped (::ffff:a.b.c.d).
  const isCompatibleOrMapped = areZero(0, 5) && (groups[5] === 0 || groups[5] === 0xffff)
  const isWellKnownNat64 = groups[0] === 0x64 && groups[1] === 0xff9b && areZero(2, 6)
  if (isCompatibleOrMapped || isWellKnownNat64) return toIpv4(groups[6], groups[7])
  // 6to4 2002:AABB:CCDD::/48 is relayed to the IPv4 host AA.BB.CC.DD.
  if (groups[0] === 0x2002) return toIpv4(groups[1], groups[2])
  return undefined
}

// Expects a string net.isIP already accepted as IPv6 without a zone index.
function expandIpv6(ip: string): number[] {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined]
  const parseGroups = (part: string) => (part === '' ? [] : part.split(':').flatMap(parseGroup))
  const front = parseGroups(head)
  if (tail === undefined) return front
  const back = parseGroups(tail)
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back]
}

function parseGroup(group: string): number[] {
  if (!group.includes('.')) return [parseInt(group, 16)]
  const [a, b, c, d] = group.split('.').map(Number)
  return [(a << 8) | b, (c << 8) | d]
}

function toIpv4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}
