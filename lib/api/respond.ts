// The management API's envelope: {success, data, timestamp} or {success:false, error:{code, message}}.
import { ValidationError } from 'payload'

import { ApiError } from './apiError'

export function respondOk(data: unknown, status = 200): Response {
  return Response.json({ success: true, data, timestamp: new Date().toISOString() }, { status })
}

export function respondError(error: unknown): Response {
  // A collection's own validation (shared with Payload REST and the admin) carries the hub's error.
  if (error instanceof ValidationError && error.cause instanceof ApiError) {
    return respondError(error.cause)
  }
  if (error instanceof ApiError) {
    return Response.json(
      {
        success: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
        timestamp: new Date().toISOString(),
      },
      { status: error.status },
    )
  }
  console.error('[api] unexpected error', error)
  return Response.json(
    {
      success: false,
      error: { code: 'internal_error', message: 'An unexpected error occurred.' },
      timestamp: new Date().toISOString(),
    },
    { status: 500 },
  )
}
