// A node:http request's headers as one record (lower-cased names, repeats joined with ", " as fetch's
// Headers joins them), exactly as sent: the peer's address travels separately (resolveClientAddress).
import type { IncomingMessage } from 'node:http'

export function readRequestHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}
