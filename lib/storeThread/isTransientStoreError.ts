// Whether a store call failed because of the database's state (locked, busy, the store thread gone)
// rather than the data it was given: such a call is retried, never recorded against the data.
const TRANSIENT = /SQLITE_BUSY|SQLITE_LOCKED|database is locked|store thread exited|terminated/i

export function isTransientStoreError(error: unknown): boolean {
  const failure = error as { code?: unknown; message?: unknown } | null
  return TRANSIENT.test(`${String(failure?.code ?? '')} ${String(failure?.message ?? error)}`)
}
