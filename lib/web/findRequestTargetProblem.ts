// What makes a request's target unanswerable before any route sees it: a path that does not decode, or a
// Host header that is not a host (Next and Payload answered the first with 500, the fast path the second
// with silence).
import { isIPv6 } from 'node:net'

import { ApiError } from '@/lib/api/apiError'

const HOST_WITH_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|[A-Za-z0-9._~-]+)(?::(\d{1,5}))?$/
const MAX_PORT = 65_535

function isValidHost(host: string): boolean {
  const match = HOST_WITH_PORT.exec(host)
  if (!match) return false
  const [, ipv6, port] = match
  if (ipv6 !== undefined && !isIPv6(ipv6)) return false
  return port === undefined || Number(port) <= MAX_PORT
}

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/** `host` is undefined for HTTP/1.0 requests, which may omit it. */
export function findRequestTargetProblem(url: string, host: string | undefined): ApiError | null {
  if (host !== undefined && !isValidHost(host))
    return new ApiError('invalid_host', 'The Host header is not a valid host[:port]')
  if (!isDecodablePath(url.split('?')[0]!))
    return new ApiError('invalid_path', 'The request path has malformed percent-encoding')
  return null
}
