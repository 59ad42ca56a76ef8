// The libsql client behind Payload's SQLite adapter: this process's writers take turns before asking SQLite
// for the write lock, and Payload's transactions run one at a time on a second connection of their own.
import {
  createClient,
  LibsqlError,
  type Client,
  type Config,
  type InArgs,
  type InStatement,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import { Mutex, withTimeout } from 'async-mutex'

// Statements that never take SQLite's write lock; anything else waits for this process's turn.
const READ_ONLY = /^\s*(SELECT|PRAGMA|EXPLAIN)\b/i

const BEGIN: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN DEFERRED',
  deferred: 'BEGIN DEFERRED',
}

function sqlOf(statement: InStatement): string {
  return typeof statement === 'string' ? statement : statement.sql
}

export function createPayloadSqliteClient(
  config: Config,
  pragmas: readonly string[],
  lockTimeoutMs: number,
): Client {
  // Payload's adapter applies its pragmas only to a client it creates itself; this one carries them.
  const client = createClient(config)
  const clientReady = Promise.all(pragmas.map((pragma) => client.execute(pragma)))
  // libsql's own transaction() hands its connection to the transaction and opens a fresh one, without the
  // pragmas, each time, and never closes the old ones. One dedicated connection, opened once with the
  // pragmas, serves every transaction of this process in turn instead; readers on the main connection see
  // only what is committed.
  const transactionConnection = createClient(config)
  const transactionConnectionReady = Promise.all(
    pragmas.map((pragma) => transactionConnection.execute(pragma)),
  )
  // libsql's calls are synchronous underneath: a BEGIN IMMEDIATE waiting in busy_timeout for a lock held by
  // a transaction of this same process would block the event loop that transaction needs to commit. Writers
  // of one process therefore queue here, and busy_timeout only ever waits for other processes.
  const writeTurn = withTimeout(
    new Mutex(),
    lockTimeoutMs,
    new LibsqlError('SQLITE_BUSY: database is locked (waited for this process)', 'SQLITE_BUSY'),
  )
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const executeMultiple = client.executeMultiple.bind(client)

  client.execute = ((sqlOrStatement: InStatement, args?: InArgs) => {
    const statement =
      typeof sqlOrStatement === 'string' && args ? { sql: sqlOrStatement, args } : sqlOrStatement
    return READ_ONLY.test(sqlOf(statement))
      ? execute(statement)
      : writeTurn.runExclusive(() => execute(statement))
  }) as Client['execute']
  client.batch = ((statements, mode) =>
    writeTurn.runExclusive(() => batch(statements, mode))) as Client['batch']
  client.executeMultiple = (sql) => writeTurn.runExclusive(() => executeMultiple(sql))

  client.transaction = async (mode: TransactionMode = 'write') => {
    const release = await writeTurn.acquire()
    try {
      await Promise.all([clientReady, transactionConnectionReady])
      await transactionConnection.execute(BEGIN[mode])
      return openTransaction(transactionConnection, release)
    } catch (error) {
      release()
      throw error
    }
  }
  const close = client.close.bind(client)
  client.close = () => {
    transactionConnection.close()
    close()
  }
  return client
}

function openTransaction(connection: Client, release: () => void): Transaction {
  let open = true
  const assertOpen = () => {
    if (!open) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED')
  }
  const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
    if (!open) return
    try {
      await connection.execute(sql)
    } catch (error) {
      // A failed COMMIT leaves the transaction open on the shared connection: roll it back before the next.
      if (sql === 'COMMIT') await connection.execute('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      open = false
      release()
    }
  }
  return {
    execute: ((statement: InStatement) => {
      assertOpen()
      return connection.execute(statement)
    }) as Transaction['execute'],
    async batch(statements) {
      assertOpen()
      const results = []
      for (const statement of statements) results.push(await connection.execute(statement))
      return results
    },
    executeMultiple(sql) {
      assertOpen()
      return connection.executeMultiple(sql)
    },
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    close: () => void end('ROLLBACK').catch(() => undefined),
    get closed() {
      return !open
    },
  }
}
