// A subscription's custom headers are credentials as often as not: their values are stored sealed like
// secrets, and everything that shows a subscription sees only each name with a hint of its value.
import { openSecret, sealSecret } from '@/lib/crypto/secretBox'

export type HeaderMap = Record<string, string>

const HINT_MIN_LENGTH = 16

/** Enough to tell two values apart, never enough to use one; short values show nothing at all. */
export function headerValueHint(value: string): string {
  return value.length >= HINT_MIN_LENGTH ? `...${value.slice(-4)}` : '...'
}

function toHeaderMap(value: unknown): HeaderMap {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

/**
 * Seals the values of `incoming`. A value equal to the hint already shown for that header keeps the
 * value sealed before, so that a subscription read and written back (admin, PUT) keeps its credentials.
 */
export function sealHeaders(
  incoming: unknown,
  previous: { hints: unknown; sealed: unknown },
  masterSecret: string,
): { hints: HeaderMap; sealed: HeaderMap } {
  const previousHints = toHeaderMap(previous.hints)
  const previousSealed = toHeaderMap(previous.sealed)
  const hints: HeaderMap = {}
  const sealed: HeaderMap = {}
  for (const [name, value] of Object.entries(toHeaderMap(incoming))) {
    const kept = previousSealed[name]
    if (kept !== undefined && previousHints[name] === value) {
      hints[name] = value
      sealed[name] = kept
      continue
    }
    hints[name] = headerValueHint(value)
    sealed[name] = sealSecret(value, masterSecret)
  }
  return { hints, sealed }
}

/** The values the worker sends; opened once per load of a subscription, not per attempt. */
export function openSealedHeaders(sealed: unknown, masterSecret: string): HeaderMap {
  return Object.fromEntries(
    Object.entries(toHeaderMap(sealed)).map(([name, value]) => [
      name,
      openSecret(value, masterSecret),
    ]),
  )
}
