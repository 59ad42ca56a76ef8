// Subscription event-type patterns: an exact type, `job.*`, or `*` for everything.
export const EVENT_TYPE_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.([a-z][a-z0-9_]*|\*))*)$/

const compiled = new Map<string, RegExp>()

function compilePattern(pattern: string): RegExp {
  let regex = compiled.get(pattern)
  if (!regex) {
    const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    regex = new RegExp(`^${escaped.join('.*')}$`)
    compiled.set(pattern, regex)
  }
  return regex
}

export function isWildcardPattern(pattern: string): boolean {
  return pattern.includes('*')
}

export function matchesEventType(patterns: readonly string[], eventType: string): boolean {
  return patterns.some((pattern) =>
    isWildcardPattern(pattern) ? compilePattern(pattern).test(eventType) : pattern === eventType,
  )
}

/** Glob match where `*` is any run of characters, as machine_ids filters use. */
export function matchesGlob(pattern: string, value: string): boolean {
  return compilePattern(pattern).test(value)
}
