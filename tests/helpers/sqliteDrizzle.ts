// Raw SQL on a SQLite-backed test hub: Payload's `db.drizzle` is typed as the union of every adapter's.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

export const sqliteDrizzle = (payload: Payload) => (payload.db as unknown as SQLiteAdapter).drizzle
