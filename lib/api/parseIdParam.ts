// Document ids in paths: SQLite integers or MongoDB ObjectIds; anything else cannot exist.
import { ApiError } from './apiError'

const DOCUMENT_ID = /^(\d{1,18}|[a-f0-9]{24})$/

export function parseIdParam(value: string | undefined, what: string): string {
  if (!value || !DOCUMENT_ID.test(value))
    throw new ApiError('not_found', `No ${what} with id ${value ?? ''}`)
  return value
}
