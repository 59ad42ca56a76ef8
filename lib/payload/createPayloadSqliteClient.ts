// The libsql client behind Payload's SQLite adapter: every connection carries the hub's pragmas, and this
// process's writers take turns before asking SQLite for the write lock.
import {
  createClient,
  LibsqlError,
  type Client,
  type Config,
  type InArgs,
  type InStatement,
} from '@libsql/client'
import { Mutex, withTimeout } from 'async-mutex'

// Statements that never take SQLite's write lock; anything else waits for this process's turn.
const READ_ONLY = /^\s*(SELECT|PRAGMA|EXPLAIN)\b/i

function sqlOf(statement: InStatement): string {
  return typeof statement === 'string' ? statement : statement.sql
}

export function createPayloadSqliteClient(
  config: Config,
  pragmas: readonly string[],
  lockTimeoutMs: number,
): Client {
  const client = createClient(config)
  // libsql's calls are synchronous underneath: a BEGIN IMMEDIATE waiting in busy_timeout for a lock held by
  // a transaction of this same process blocks the event loop that transaction needs to commit. Writers of
  // one process therefore queue here, and busy_timeout only ever waits for other processes.
  const writeTurn = withTimeout(
    new Mutex(),
    lockTimeoutMs,
    new LibsqlError('SQLITE_BUSY: database is locked (waited for this process)', 'SQLITE_BUSY'),
  )
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const beginTransaction = client.transaction.bind(client)
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

  client.transaction = (async (mode) => {
    const release = await writeTurn.acquire()
    try {
      const transaction = beginTransaction(mode)
      // libsql hands its connection to the transaction and lazily opens a fresh one for the next call;
      // applied before anything else can use it, the pragmas (busy_timeout above all) hold there too.
      await Promise.all(pragmas.map((pragma) => execute(pragma)))
      return releasedOnEnd(await transaction, release)
    } catch (error) {
      release()
      throw error
    }
  }) as Client['transaction']
  return client
}

type Transaction = Awaited<ReturnType<Client['transaction']>>

function releasedOnEnd(transaction: Transaction, release: () => void): Transaction {
  let released = false
  const releaseOnce = () => {
    if (!released) release()
    released = true
  }
  const commit = transaction.commit.bind(transaction)
  const rollback = transaction.rollback.bind(transaction)
  const close = transaction.close.bind(transaction)
  transaction.commit = () => commit().finally(releaseOnce)
  transaction.rollback = () => rollback().finally(releaseOnce)
  transaction.close = () => {
    try {
      close()
    } finally {
      releaseOnce()
    }
  }
  return transaction
}
