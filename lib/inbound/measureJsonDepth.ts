// How deeply a JSON text nests, read from its bytes without parsing: processing copies and serializes a
// callback's body recursively, so a body nested thousands deep must be refused before it is stored.

/** Deeper than any provider's real callback (fal and Replicate outputs nest under ten), far below the
 * few thousand levels at which recursive copies and serializers overflow the stack. */
export const MAX_JSON_DEPTH = 64

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPENERS = new Set([0x5b, 0x7b])
const CLOSERS = new Set([0x5d, 0x7d])

/** Stops counting once past `limit`; brackets inside strings do not count. */
export function measureJsonDepth(bytes: Uint8Array, limit = MAX_JSON_DEPTH): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!
    if (inString) {
      if (byte === BACKSLASH) index++
      else if (byte === QUOTE) inString = false
    } else if (byte === QUOTE) inString = true
    else if (OPENERS.has(byte)) {
      deepest = Math.max(deepest, ++depth)
      if (deepest > limit) return deepest
    } else if (CLOSERS.has(byte)) depth--
  }
  return deepest
}
