// Headers as stored in a log: lower-cased, with credentials and signatures masked.
const SECRET_HEADER = /authorization|cookie|signature|secret|token|api[-_]?key|password/i

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const redacted: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers))
    redacted[name] = SECRET_HEADER.test(name) ? `[redacted ${value.length} chars]` : value
  return redacted
}

/** Query strings can carry tokens (ComfyDeploy's ?token=): keep the names, mask the values. */
export function redactQuery(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      SECRET_HEADER.test(name) ? '[redacted]' : value,
    ]),
  )
}
