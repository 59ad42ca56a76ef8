// A JSON object field with bounded nesting, entry count and size, measured without recursion so that a
// 5,000-level value is refused with a 400 instead of overflowing the stack further in.
import { z } from 'zod'

export type JsonBounds = { maxDepth: number; maxEntries: number; maxBytes: number }

/** What is wrong with the value, or null when it fits; walks it with an explicit stack. */
export function describeJsonOverflow(value: unknown, bounds: JsonBounds): string | null {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }]
  let entries = 0
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth > bounds.maxDepth) return `nests deeper than ${bounds.maxDepth} levels`
    const children = Array.isArray(node) ? node : Object.values(node)
    entries += children.length
    if (entries > bounds.maxEntries) return `has more than ${bounds.maxEntries} keys and items`
    for (const child of children) pending.push({ node: child, depth: depth + 1 })
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '')
  if (bytes > bounds.maxBytes) return `is larger than ${bounds.maxBytes} bytes as JSON`
  return null
}

export function boundedJsonObject(bounds: JsonBounds, keySchema: z.ZodString = z.string()) {
  return z.record(keySchema, z.unknown()).superRefine((value, context) => {
    const overflow = describeJsonOverflow(value, bounds)
    if (overflow !== null) context.addIssue({ code: 'custom', message: `Value ${overflow}` })
  })
}
