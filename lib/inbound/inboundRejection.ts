// Why an inbound request is refused; each reason maps to one HTTP status and error code.
export type InboundRejectionCode =
  | 'invalid_signature'
  | 'invalid_json'
  | 'payload_too_large'
  | 'payload_too_deep'
  | 'unsupported_media_type'
  | 'unknown_provider'
  | 'missing_job'

const STATUS_BY_CODE: Record<InboundRejectionCode, number> = {
  invalid_signature: 401,
  invalid_json: 400,
  payload_too_large: 413,
  payload_too_deep: 400,
  unsupported_media_type: 415,
  unknown_provider: 404,
  missing_job: 400,
}

export class InboundRejection extends Error {
  readonly code: InboundRejectionCode
  readonly status: number

  constructor(code: InboundRejectionCode, message: string) {
    super(message)
    this.name = 'InboundRejection'
    this.code = code
    this.status = STATUS_BY_CODE[code]
  }
}
