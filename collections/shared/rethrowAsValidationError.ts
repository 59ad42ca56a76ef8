// Turns the hub's validation_error into Payload's ValidationError, so Payload REST and the admin answer
// 400 naming the fields; the original stays as its cause for the management API to answer with.
import { ValidationError } from 'payload'

import { ApiError } from '@/lib/api/apiError'

export async function rethrowAsValidationError(
  collection: string,
  check: () => Promise<void>,
): Promise<void> {
  try {
    await check()
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'validation_error') throw error
    const errors = (error.issues ?? []).map(({ path, message }) => ({ path, message }))
    const validationError = new ValidationError({ collection, errors })
    validationError.cause = error
    throw validationError
  }
}
