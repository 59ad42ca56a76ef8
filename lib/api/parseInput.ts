// Parses request input once, at the edge, answering 400 with every zod issue and the fields they name.
import type { z } from 'zod'

import { ApiError, type ApiErrorIssue } from './apiError'
import { readBodyWithin } from './readBodyWithin'

function toIssues(error: z.ZodError): ApiErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
    code: issue.code,
  }))
}

export function invalidInput(issues: ApiErrorIssue[]): ApiError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
  return new ApiError('validation_error', `Invalid input: ${summary}`, issues)
}

export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw invalidInput(toIssues(result.error))
}

export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { maxBytes?: number } = {},
): Promise<z.output<Schema>> {
  const text =
    options.maxBytes === undefined
      ? await request.text()
      : await readBodyWithin(request, options.maxBytes)
  let body: unknown
  try {
    body = text.length === 0 ? {} : JSON.parse(text)
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.')
  }
  return parseWithSchema(schema, body)
}

export function parseSearchParams<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): z.output<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries())
  return parseWithSchema(schema, params)
}
