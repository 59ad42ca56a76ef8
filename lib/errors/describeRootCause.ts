// The most telling words for a failure: fetch's own message is only "fetch failed", and a refused
// dual-stack connect is an AggregateError with no message, so the innermost cause (or its code) is used.
export function describeRootCause(error: unknown): string {
  let innermost = error
  while (innermost instanceof Error && innermost.cause !== undefined) innermost = innermost.cause
  if (!(innermost instanceof Error)) return String(innermost)
  return innermost.message || (innermost as NodeJS.ErrnoException).code || innermost.name
}
