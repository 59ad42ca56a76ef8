// Errors as values with a code; toErrorResponse turns them into the documented JSON shape.
export type ApiErrorCode =
  | 'validation_error'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'invalid_signature'
  | 'unknown_provider'
  | 'provider_error'
  | 'internal_error'
  | 'invalid_path'
  | 'invalid_host'

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  validation_error: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  invalid_signature: 401,
  unknown_provider: 404,
  provider_error: 502,
  internal_error: 500,
  invalid_path: 400,
  invalid_host: 400,
}

export type ApiErrorIssue = { path: string; message: string; code: string }

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly status: number
  readonly issues?: ApiErrorIssue[]

  constructor(code: ApiErrorCode, message: string, issues?: ApiErrorIssue[]) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = STATUS_BY_CODE[code]
    this.issues = issues
  }
}
