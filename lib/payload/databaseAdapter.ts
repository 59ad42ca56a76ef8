// Picks Payload's database adapter from DATABASE_URL: SQLite for `file:` (default), MongoDB for `mongodb://`.
import path from 'node:path'
import { mkdirSync } from 'node:fs'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { isMongoUrl } from '@/lib/config/env'

const migrationDir = path.resolve(process.cwd(), 'migrations')

function ensureSqliteDirectory(databaseUrl: string): void {
  const filePath = databaseUrl.replace(/^file:/, '')
  if (filePath && filePath !== ':memory:')
    mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true })
}

export function createDatabaseAdapter(databaseUrl: string): DatabaseAdapterObj {
  if (isMongoUrl(databaseUrl)) {
    return mongooseAdapter({ url: databaseUrl, migrationDir, transactionOptions: {} })
  }
  ensureSqliteDirectory(databaseUrl)
  return sqliteAdapter({
    client: { url: databaseUrl },
    migrationDir,
    // The schema comes from committed migrations only, in every mode, so dev, test and prod agree.
    push: false,
    wal: { synchronous: 'NORMAL', journalSizeLimit: 64 * 1024 * 1024 },
    busyTimeout: 10_000,
  })
}
