// Why an inbound request is refused; each reason maps to one HTTP status and error code.
export type InboundRejectionCode =
  | 'invalid_signature'
  | 'invalid_json'
  | 'payload_too_large'
  | 'payload_too_deep'
  | 'unsupported_media_type'
  | 'unknown_provider'
  | 'missing_job'
  | 'ip_not_allowed'
  | 'rate_limited'

const STATUS_BY_CODE: Record<InboundRejectionCode, number> = {
  invalid_signature: 401,
  invalid_json: 400,
  payload_too_large: 413,
  payload_too_deep: 400,
  unsupported_media_type: 415,
  unknown_provider: 404,
  missing_job: 400,
  ip_not_allowed: 403,
  rate_limited: 429,
}

export function isInboundRejectionCode(code: string): code is InboundRejectionCode {
  return Object.hasOwn(STATUS_BY_CODE, code)
}

export class InboundRejection extends Error {
  readonly code: InboundRejectionCode
  readonly status: number
  /** Sent as Retry-After: when a refused caller may try again (rate_limited). */
  readonly retryAfterSeconds: number | null

  constructor(
    code: InboundRejectionCode,
    message: string,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = 'InboundRejection'
    this.code = code
    this.status = STATUS_BY_CODE[code]
    this.retryAfterSeconds = options.retryAfterSeconds ?? null
  }
}
