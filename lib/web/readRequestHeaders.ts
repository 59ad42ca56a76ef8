// A node:http request's headers as one record (lower-cased names, repeats joined with ", " as fetch's
// Headers joins them), with the peer's address as x-forwarded-for when no proxy set it, as Next does.
import type { IncomingMessage } from 'node:http'

export function readRequestHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  // The inbound log records it as the callback's source address.
  if (!headers['x-forwarded-for'] && request.socket.remoteAddress)
    headers['x-forwarded-for'] = request.socket.remoteAddress
  return headers
}
