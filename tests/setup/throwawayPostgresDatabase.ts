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

type PayloadCache = Map<string, { payload: { db: { destroy?: () => Promise<void> } } | null }>

// The file's Payload closes its pool first; FORCE ends whatever else is still connected.
afterAll(async () => {
  const cache = (globalThis as { _payload?: PayloadCache })._payload
  await cache?.get('default')?.payload?.db.destroy?.()
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
})
