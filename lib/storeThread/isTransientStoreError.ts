// Whether a store call failed because of the database's state (locked, busy, the store thread gone)
// rather than the data it was given: such a call is retried, never recorded against the data.
const TRANSIENT = /SQLITE_BUSY|SQLITE_LOCKED|database is locked|store thread exited|terminated/i

export function isTransientStoreError(error: unknown): boolean {
  // Drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const failure = current as { code?: unknown; message?: unknown; cause?: unknown }
    if (TRANSIENT.test(`${String(failure.code ?? '')} ${String(failure.message ?? current)}`))
      return true
    current = failure.cause
  }
  return false
}
