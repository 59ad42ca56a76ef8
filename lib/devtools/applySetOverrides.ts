// `--set path=value` for the trigger CLI: dotted paths into the body; values parsed as JSON when they can be.
export function parseSetOverride(expression: string): { path: string[]; value: unknown } {
  const separator = expression.indexOf('=')
  if (separator <= 0) throw new Error(`--set needs path=value, got "${expression}"`)
  const raw = expression.slice(separator + 1)
  let value: unknown = raw
  try {
    value = JSON.parse(raw)
  } catch {
    // A plain string.
  }
  return { path: expression.slice(0, separator).split('.'), value }
}

export function applySetOverrides(
  body: Record<string, unknown>,
  expressions: string[],
): Record<string, unknown> {
  const copy = structuredClone(body)
  for (const expression of expressions) {
    const { path, value } = parseSetOverride(expression)
    let target: Record<string, unknown> = copy
    for (const key of path.slice(0, -1)) {
      const next = target[key]
      if (next === null || typeof next !== 'object') target[key] = {}
      target = target[key] as Record<string, unknown>
    }
    target[path[path.length - 1]] = value
  }
  return copy
}
