// A list of IP addresses and CIDR ranges separated by commas or white space (TRUSTED_PROXIES, a source's
// IP allowlist), parsed once into node:net's BlockList (no dependency).
import { BlockList, isIP } from 'node:net'

function familyOf(address: string): 'ipv4' | 'ipv6' {
  const version = isIP(address)
  if (version === 0) throw new Error(`"${address}" is not an IP address`)
  return version === 4 ? 'ipv4' : 'ipv6'
}

function addEntry(list: BlockList, entry: string): void {
  const [address, prefix, ...rest] = entry.split('/')
  const family = familyOf(address!)
  if (rest.length > 0) throw new Error(`"${entry}" is not an address or CIDR range`)
  if (prefix === undefined) return list.addAddress(address!, family)
  const bits = Number(prefix)
  const maxBits = family === 'ipv4' ? 32 : 128
  if (!/^\d{1,3}$/.test(prefix) || bits > maxBits)
    throw new Error(`"${entry}" has an invalid prefix length (0–${maxBits})`)
  list.addSubnet(address!, bits, family)
}

/** Throws with the offending entry; an empty list holds no address. */
export function parseAddressRanges(text: string): BlockList {
  const list = new BlockList()
  for (const entry of text.split(/[\s,]+/)) {
    if (entry) addEntry(list, entry)
  }
  return list
}
