// A callback request as the inbound pipeline needs it, whichever server received it (the App Router's
// fetch Request, or node:http on the production fast path), and the answer it gets.
export type InboundHttpRequest = {
  /** Lower-cased names; repeated headers joined with ", " as fetch's Headers does. */
  headers: Record<string, string>
  query: Record<string, string>
  /** The TCP peer's address; null where the server does not expose it (the App Router). */
  peerAddress: string | null
  /** The raw body, or an InboundRejection('payload_too_large') past the limit. */
  readBody(limitBytes: number): Promise<Buffer>
}

export type InboundAnswer = {
  status: number
  body: Record<string, unknown>
  /** Beyond content-type, which is always JSON: Retry-After on a 429 or 503. */
  headers?: Record<string, string>
}
