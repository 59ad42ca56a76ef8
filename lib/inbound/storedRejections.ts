// What an anonymous sender can make the hub store: a rejected callback keeps an excerpt of its body, not
// the body, and each source address (a /64 for IPv6, one allocation) may have only so many rejections
// stored; past that they are still answered, just not stored.
import { isIPv6 } from 'node:net'

import { createTokenBuckets } from './tokenBuckets'

export const REJECTED_BODY_EXCERPT_BYTES = 4096

const MAX_TRACKED_SOURCES = 10_000

/** The body's first bytes, cut back to a UTF-8 character boundary so the excerpt stays readable. */
export function excerptRejectedBody(body: Buffer): Buffer {
  if (body.length <= REJECTED_BODY_EXCERPT_BYTES) return body
  let end = REJECTED_BODY_EXCERPT_BYTES
  const isContinuationByte = (byte: number) => (byte & 0xc0) === 0x80
  for (let back = 0; back < 3 && isContinuationByte(body[end]!); back++) end--
  return body.subarray(0, end)
}

function expandIpv6(address: string): string[] {
  const [head, tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right]
}

/** The budget's key: the address itself, or for IPv6 its /64, which one client usually holds whole. */
export function rejectionSourceKey(sourceIp: string | null): string {
  if (sourceIp === null) return 'unknown'
  if (!isIPv6(sourceIp) || sourceIp.includes('.')) return sourceIp
  const groups = expandIpv6(sourceIp.toLowerCase()).slice(0, 4)
  return `${groups.map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

export type StoredRejectionBudget = { mayStore(sourceIp: string | null): boolean }

export function createStoredRejectionBudget(options: {
  burst: number
  perMinute: number
  now?: () => number
}): StoredRejectionBudget {
  const buckets = createTokenBuckets({
    capacity: options.burst,
    refillPerMinute: options.perMinute,
    maxKeys: MAX_TRACKED_SOURCES,
    now: options.now ?? Date.now,
  })
  return { mayStore: (sourceIp) => buckets.take(rejectionSourceKey(sourceIp)) }
}
