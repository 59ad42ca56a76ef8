// Picks Payload's database adapter from DATABASE_URL: SQLite for `file:` (default), PostgreSQL for
// `postgres://`, MongoDB for `mongodb://`.
import path from 'node:path'
import { mkdirSync } from 'node:fs'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter, type PostgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { isMongoUrl, isPostgresUrl, readEnv } from '@/lib/config/env'
import { settleEffectsOnTransactionEnd } from './afterTransactionSettles'
import { createPayloadSqliteClient } from './createPayloadSqliteClient'

const migrationDir = path.resolve(process.cwd(), 'migrations')
// PostgreSQL's schema differs in SQL from SQLite's: its migrations are generated and kept apart.
const postgresMigrationDir = path.resolve(process.cwd(), 'migrations', 'postgres')
const BUSY_TIMEOUT_MS = 10_000
const WAL = { synchronous: 'NORMAL', journalSizeLimit: 64 * 1024 * 1024 } as const

function ensureSqliteDirectory(databaseUrl: string): void {
  const filePath = databaseUrl.replace(/^file:/, '')
  if (filePath && filePath !== ':memory:')
    mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true })
}

function withSettleEffects<Adapter extends BaseDatabaseAdapter>(
  adapterObj: DatabaseAdapterObj<Adapter>,
): DatabaseAdapterObj<Adapter> {
  return { ...adapterObj, init: (args) => settleEffectsOnTransactionEnd(adapterObj.init(args)) }
}

// Payload's adapter creates its client at connect, and sets its pragmas only on a client it created; ours,
// handed over first, carries them on each of its connections and queues this process's writers
// (lib/payload/createPayloadSqliteClient).
function withPragmaClient(
  adapterObj: DatabaseAdapterObj<SQLiteAdapter>,
  databaseUrl: string,
): DatabaseAdapterObj<SQLiteAdapter> {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const connect = adapter.connect
      adapter.connect = async function (options) {
        this.client ??= createPayloadSqliteClient(
          { url: databaseUrl },
          [
            `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`,
            'PRAGMA journal_mode = WAL;',
            `PRAGMA synchronous = ${WAL.synchronous};`,
            `PRAGMA journal_size_limit = ${WAL.journalSizeLimit};`,
          ],
          BUSY_TIMEOUT_MS,
        )
        return connect?.call(this, options)
      }
      return adapter
    },
  }
}

// A pool whose idle connection the server closes (a restart, a failover) emits 'error'; with no listener
// that kills the process. The pool is created here, before Payload's connect, so it always has one:
// requests in flight fail (503) and the next ones open new connections once the server is back.
function withPoolErrorListener(
  adapterObj: DatabaseAdapterObj<PostgresAdapter>,
): DatabaseAdapterObj<PostgresAdapter> {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const connect = adapter.connect
      adapter.connect = async function (options) {
        if (!this.pool) {
          this.pool = new this.pg.Pool(this.poolOptions)
          this.pool.on('error', (error) =>
            console.warn(`[db] PostgreSQL connection lost: ${error.message}`),
          )
        }
        return connect?.call(this, options)
      }
      return adapter
    },
  }
}

export function createDatabaseAdapter(databaseUrl: string): DatabaseAdapterObj {
  if (isMongoUrl(databaseUrl)) {
    return withSettleEffects(
      mongooseAdapter({ url: databaseUrl, migrationDir, transactionOptions: {} }),
    )
  }
  if (isPostgresUrl(databaseUrl)) {
    return withSettleEffects(
      withPoolErrorListener(
        postgresAdapter({
          pool: { connectionString: databaseUrl, max: readEnv().DATABASE_POOL_MAX },
          migrationDir: postgresMigrationDir,
          push: false,
          transactionOptions: {},
        }),
      ),
    )
  }
  ensureSqliteDirectory(databaseUrl)
  const adapterObj = sqliteAdapter({
    client: { url: databaseUrl },
    migrationDir,
    // The schema comes from committed migrations only, in every mode, so dev, test and prod agree.
    push: false,
    // Each write (a subscription with its event-type rows, say) commits whole: readers never see half.
    transactionOptions: {},
  })
  return withSettleEffects(withPragmaClient(adapterObj, databaseUrl))
}
