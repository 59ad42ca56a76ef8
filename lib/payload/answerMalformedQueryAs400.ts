// Payload's REST handlers JSON.parse a `where` or `data` query parameter given as a string and answer a
// malformed one with 500; it is the caller's mistake, so it is answered as one.
import type { AfterErrorHook } from 'payload'

const JSON_QUERY_PARAMETERS = ['where', 'data'] as const

function isParseableJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export const answerMalformedQueryAs400: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof SyntaxError)) return
  const query = new URL(req.url ?? '', 'http://hub.invalid').searchParams
  const malformed = JSON_QUERY_PARAMETERS.find((name) => {
    const value = query.get(name)
    return value !== null && !isParseableJson(value)
  })
  if (!malformed) return
  return {
    status: 400,
    response: { errors: [{ message: `The ${malformed} query parameter is not valid JSON.` }] },
  }
}
