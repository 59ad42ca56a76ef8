// Every `*.postgres.test.ts` file gets its own database on the PostgreSQL server (TEST_POSTGRES_URL, by
// default the local server every development machine and CI run has), dropped when the file ends.
import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { afterAll } from 'vitest'

const serverUrl = new URL(
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
)
const name = `hub_test_${randomBytes(6).toString('hex')}`

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl.href })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

await onServer(`CREATE DATABASE "${name}"`)
const databaseUrl = new URL(serverUrl.href)
databaseUrl.pathname = `/${name}`
process.env.DATABASE_URL = databaseUrl.href
process.env.PAYLOAD_SECRET = randomBytes(24).toString('hex')
process.env.ALLOW_PRIVATE_TARGETS = 'true'

type PayloadCache = Map<string, { payload: { db: { pool?: pg.Pool } } | null }>

// The file's Payload pool ends first (a client still checked out keeps it open, so the wait is bounded);
// FORCE ends whatever else is still connected.
afterAll(async () => {
  const pool = (globalThis as { _payload?: PayloadCache })._payload?.get('default')?.payload?.db
    .pool
  if (pool && !pool.ended)
    await Promise.race([pool.end(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())])
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
})
