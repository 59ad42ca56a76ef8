// Decides whether an IP address is private, reserved or otherwise unfit as a webhook target.
import { BlockList, isIP } from 'node:net'

import {
  GLOBAL_UNICAST_IPV6_RANGE,
  SPECIAL_PURPOSE_IPV4_RANGES,
  SPECIAL_PURPOSE_IPV6_RANGES,
  type SpecialPurposeRange,
} from './specialPurposeRanges'

function createBlockList(ranges: readonly SpecialPurposeRange[], family: 'ipv4' | 'ipv6') {
  const list = new BlockList()
  for (const range of ranges) list.addSubnet(range.network, range.prefix, family)
  return list
}

const blockedIpv4 = createBlockList(SPECIAL_PURPOSE_IPV4_RANGES, 'ipv4')
const blockedIpv6 = createBlockList(SPECIAL_PURPOSE_IPV6_RANGES, 'ipv6')
const globalUnicastIpv6 = createBlockList([GLOBAL_UNICAST_IPV6_RANGE], 'ipv6')

/** True for addresses a delivery must never reach unless private targets are allowed. */
export function isBlockedAddress(ip: string): boolean {
  const family = isIP(ip)
  if (family === 4) return blockedIpv4.check(ip, 'ipv4')
  if (family !== 6) return true
  // A zone index only makes sense on a local link, never for a public target.
  if (ip.includes('%')) return true
  const embedded = extractEmbeddedIpv4(ip)
  if (embedded !== undefined) return blockedIpv4.check(embedded, 'ipv4')
  if (!globalUnicastIpv6.check(ip, 'ipv6')) return true
  return blockedIpv6.check(ip, 'ipv6')
}

/** The IPv4 address inside an address of IPV4_EMBEDDING_IPV6_RANGES, or undefined for any other. */
function extractEmbeddedIpv4(ip: string): string | undefined {
  const groups = expandIpv6(ip)
  const areZero = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0)
  const isMapped = areZero(0, 5) && groups[5] === 0xffff
  const isTranslated = areZero(0, 4) && groups[4] === 0xffff && groups[5] === 0
  const isWellKnownNat64 = groups[0] === 0x64 && groups[1] === 0xff9b && areZero(2, 6)
  if (isMapped || isTranslated || isWellKnownNat64) return toIpv4(groups[6], groups[7])
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
